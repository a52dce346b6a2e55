#include "ingest/reference_data.h"

#include <algorithm>
#include <map>
#include <set>

#include "ingest/csv_reader.h"
#include "ingest/file_util.h"

namespace qq::ingest {
namespace {

// Reads a CSV with a header and calls `fn(fields, line)` for each record; checks the header.
template <typename Fn>
Status ForEachRecord(const std::filesystem::path& path, const std::vector<std::string>& header, Fn fn) {
  QQ_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(path));
  CsvReader reader(text);
  std::vector<std::string> fields;
  if (!reader.Next(fields) || fields != header) {
    std::string want;
    for (const auto& h : header) want += (want.empty() ? "" : ",") + h;
    return Status::InvalidArgument(path.string() + ":1: expected the header '" + want + "'");
  }
  while (reader.Next(fields)) {
    if (fields.size() == 1 && fields[0].empty()) continue;
    std::string where = path.string() + ":" + std::to_string(reader.line());
    if (fields.size() != header.size()) {
      return Status::InvalidArgument(where + ": expected " + std::to_string(header.size()) + " fields, found " +
                                     std::to_string(fields.size()));
    }
    QQ_RETURN_IF_ERROR(fn(fields, where));
  }
  return Status::Ok();
}

// NBS city rows that are not real cities but groupings (直辖市的"市辖区", 重庆"县", 省直辖县级单位).
bool IsGroupingName(const std::string& name) {
  return name == "市辖区" || name == "县" || name.find("直辖县级") != std::string::npos;
}

}  // namespace

Result<std::vector<Region>> LoadRegions(const std::filesystem::path& data_dir) {
  std::map<std::string, Region> by_code;
  std::set<std::string> in_mca, in_nbs;
  auto add = [&](const std::string& code_text, const std::string& name, bool mca, const std::string& where,
                 const std::string& town_parent) -> Status {
    auto code = RegionCode::Parse(code_text);
    if (!code.ok()) return Status::InvalidArgument(where + ": " + code.status().message());
    if (name.empty()) return Status::InvalidArgument(where + ": region " + code_text + " has no name");
    (mca ? in_mca : in_nbs).insert(code->str());
    auto [it, inserted] = by_code.try_emplace(code->str());
    if (inserted || mca) {
      it->second.code = *code;
      it->second.name = name;
      it->second.level = code->Level();
    }
    if (!town_parent.empty()) {
      auto p = RegionCode::Parse(town_parent);
      if (!p.ok()) return Status::InvalidArgument(where + ": " + p.status().message());
      it->second.parent = *p;
    }
    return Status::Ok();
  };
  QQ_RETURN_IF_ERROR(ForEachRecord(data_dir / "regions-mca" / "regions.csv", {"code", "name"},
      [&](const std::vector<std::string>& f, const std::string& where) { return add(f[0], f[1], true, where, ""); }));
  auto nbs = data_dir / "regions-nbs";
  QQ_RETURN_IF_ERROR(ForEachRecord(nbs / "provinces.csv", {"code", "name"},
      [&](const std::vector<std::string>& f, const std::string& where) { return add(f[0] + "0000", f[1], false, where, ""); }));
  QQ_RETURN_IF_ERROR(ForEachRecord(nbs / "cities.csv", {"code", "name", "provinceCode"},
      [&](const std::vector<std::string>& f, const std::string& where) {
        return IsGroupingName(f[1]) ? Status::Ok() : add(f[0] + "00", f[1], false, where, "");
      }));
  QQ_RETURN_IF_ERROR(ForEachRecord(nbs / "areas.csv", {"code", "name", "cityCode", "provinceCode"},
      [&](const std::vector<std::string>& f, const std::string& where) { return add(f[0], f[1], false, where, ""); }));
  QQ_RETURN_IF_ERROR(ForEachRecord(nbs / "streets.csv", {"code", "name", "areaCode", "provinceCode", "cityCode"},
      [&](const std::vector<std::string>& f, const std::string& where) { return add(f[0], f[1], false, where, f[2]); }));

  std::vector<Region> out;
  out.reserve(by_code.size() + 1);
  out.push_back({RegionCode::Country(), "全国", RegionLevel::kCountry, std::nullopt, CodeSystem::kBoth});
  for (auto& [code, r] : by_code) {
    bool m = in_mca.count(code) > 0, n = in_nbs.count(code) > 0;
    r.system = m && n ? CodeSystem::kBoth : (m ? CodeSystem::kAdministrative : CodeSystem::kStatistical);
    switch (r.level) {
      case RegionLevel::kProvince: r.parent = RegionCode::Country(); break;
      case RegionLevel::kCity: r.parent = r.code.ProvinceCode(); break;
      case RegionLevel::kCounty:
        r.parent = by_code.count(r.code.CityCode().str()) ? r.code.CityCode() : r.code.ProvinceCode();
        break;
      case RegionLevel::kTown:
        if (!r.parent || !by_code.count(r.parent->str())) r.parent = r.code.CountyCode();
        if (!by_code.count(r.parent->str())) r.parent = r.code.CityCode();
        break;
      case RegionLevel::kCountry: break;
    }
    if (r.parent && r.level != RegionLevel::kProvince && !by_code.count(r.parent->str())) {
      r.parent = r.code.ProvinceCode();
    }
    out.push_back(r);
  }
  std::stable_sort(out.begin() + 1, out.end(), [](const Region& a, const Region& b) {
    return static_cast<int>(a.level) < static_cast<int>(b.level);
  });
  return out;
}

Result<std::vector<RegionAlias>> LoadCrosswalk(const std::filesystem::path& data_dir, const std::vector<Region>& regions) {
  std::set<std::string> known;
  for (const auto& r : regions) known.insert(r.code.str());
  std::vector<RegionAlias> out;
  QQ_RETURN_IF_ERROR(ForEachRecord(data_dir / "region-crosswalk" / "crosswalk.csv",
      {"old_code", "new_code", "old_name", "new_name", "changed", "note"},
      [&](const std::vector<std::string>& f, const std::string& where) -> Status {
        if (f[0].size() != 6 || f[0].find_first_not_of("0123456789") != std::string::npos) {
          return Status::InvalidArgument(where + ": old_code '" + f[0] + "' is not 6 digits");
        }
        if (known.count(f[0])) {
          return Status::InvalidArgument(where + ": old_code " + f[0] + " is a current region; it needs no alias");
        }
        auto code = RegionCode::Parse(f[1]);
        if (!code.ok()) return Status::InvalidArgument(where + ": " + code.status().message());
        if (!known.count(code->str())) return Status::InvalidArgument(where + ": new_code " + f[1] + " is not a known region");
        out.push_back({f[0], *code, f[2] + " → " + f[3] + " (" + f[4] + ")"});
        return Status::Ok();
      }));
  return out;
}

Result<std::vector<IndustryClass>> LoadIndustryClasses(const std::filesystem::path& data_dir) {
  std::vector<IndustryClass> out;
  std::set<std::string> seen;
  QQ_RETURN_IF_ERROR(ForEachRecord(data_dir / "gbt4754-2017" / "industry_classes.csv",
      {"code", "name", "level", "parent", "section"},
      [&](const std::vector<std::string>& f, const std::string& where) -> Status {
        auto code = IndustryCode::Parse(f[0]);
        if (!code.ok() || code->str() != f[0]) {
          return Status::InvalidArgument(where + ": '" + f[0] + "' is not a bare GB/T 4754-2017 code");
        }
        if (std::to_string(code->Level()) != f[2]) {
          return Status::InvalidArgument(where + ": level " + f[2] + " does not match code " + f[0]);
        }
        if (f[4].size() != 1 || f[4][0] < 'A' || f[4][0] > 'T') {
          return Status::InvalidArgument(where + ": section '" + f[4] + "' is not a letter A–T");
        }
        IndustryClass c{*code, f[1], std::nullopt, f[4][0]};
        if (code->Level() > 1) {
          if (!seen.count(f[3])) return Status::InvalidArgument(where + ": parent '" + f[3] + "' is not listed before " + f[0]);
          c.parent = *IndustryCode::Parse(f[3]);
        }
        if (!seen.insert(f[0]).second) return Status::InvalidArgument(where + ": code " + f[0] + " is listed twice");
        out.push_back(std::move(c));
        return Status::Ok();
      }));
  return out;
}

}  // namespace qq::ingest

namespace qq::ingest {

Result<ScaleThresholds> LoadScaleThresholds(const std::filesystem::path& data_dir) {
  std::vector<ScaleThreshold> rows;
  QQ_RETURN_IF_ERROR(ForEachRecord(data_dir / "statistics" / "scale_thresholds.csv",
      {"prefix", "threshold_yuan", "category", "basis"},
      [&](const std::vector<std::string>& f, const std::string& where) -> Status {
        if (f[0].empty() || f[1].empty() || f[1].find_first_not_of("0123456789") != std::string::npos) {
          return Status::InvalidArgument(where + ": expected a prefix and a whole number of 元");
        }
        rows.push_back({f[0], std::stoll(f[1]), f[2]});
        return Status::Ok();
      }));
  return ScaleThresholds(std::move(rows));
}

}  // namespace qq::ingest
