#include "app/synthetic.h"

#include <map>
#include <memory>
#include <set>

#include "ingest/chain_templates.h"
#include "ingest/file_util.h"
#include "ingest/reference_data.h"

namespace qq::app {
namespace {

// "济南市" → "济南", "恩施土家族苗族自治州" → "恩施", "北京市" → "北京".
std::string ShortName(const std::string& name) {
  for (const char* suffix : {"土家族苗族自治州", "藏族自治州", "蒙古族藏族自治州", "自治州", "地区", "市", "盟", "县", "区"}) {
    std::string s(suffix);
    if (name.size() > s.size() + 3 && name.ends_with(s)) {
      std::string out = name.substr(0, name.size() - s.size());
      // Keep two or three characters, as firm names do (朝阳, 哈尔滨).
      return out.size() > 9 ? out.substr(0, 6) : out;
    }
  }
  return name.size() > 9 ? name.substr(0, 6) : name;
}

struct FileCloser {
  void operator()(std::FILE* f) const { if (f) std::fclose(f); }
};

}  // namespace

Result<synth::GeneratorInput> LoadGeneratorInput(const std::filesystem::path& data_dir, uint64_t seed) {
  synth::GeneratorInput in;
  in.seed = seed;
  QQ_ASSIGN_OR_RETURN(auto regions, ingest::LoadRegions(data_dir));
  std::map<std::string, std::string> names;
  for (const auto& r : regions) names[r.code.str()] = r.name;
  std::map<std::string, size_t> county_index;
  for (const auto& r : regions) {
    if (r.level != RegionLevel::kCounty) continue;
    synth::County c;
    c.code = r.code;
    c.name = r.name;
    std::string city = r.code.CityCode().str();
    std::string province = r.code.ProvinceCode().str();
    c.city_short = ShortName(names.count(city) ? names[city] : (names.count(province) ? names[province] : r.name));
    county_index[r.code.str()] = in.counties.size();
    in.counties.push_back(std::move(c));
  }
  for (const auto& r : regions) {
    if (r.level != RegionLevel::kTown || !r.parent) continue;
    auto it = county_index.find(r.parent->str());
    if (it != county_index.end()) in.counties[it->second].towns.push_back(r.code);
  }
  QQ_ASSIGN_OR_RETURN(in.industries, ingest::LoadIndustryClasses(data_dir));
  std::set<std::string> codes;
  for (const auto& c : in.industries) codes.insert(c.code.str());
  QQ_ASSIGN_OR_RETURN(in.chains, ingest::LoadChainTemplates(data_dir / "chains", codes));
  auto lexicon_path = data_dir / "synth" / "lexicon.toml";
  QQ_ASSIGN_OR_RETURN(std::string text, ingest::ReadWholeFile(lexicon_path));
  QQ_ASSIGN_OR_RETURN(in.lexicon, synth::ParseLexicon(text, lexicon_path.string()));
  return in;
}

Result<GenerateReport> GenerateFiles(const std::filesystem::path& data_dir, const std::filesystem::path& out_dir,
                                     const GenerateOptions& o, const synth::ProgressFn& progress) {
  if (o.enterprises == 0) return Status::InvalidArgument("--enterprises must be at least 1");
  if (o.months < 0 || o.months > 600) return Status::InvalidArgument("--months must be between 0 and 600");
  QQ_ASSIGN_OR_RETURN(auto input, LoadGeneratorInput(data_dir, o.seed));
  input.last_month = o.last_month;
  QQ_ASSIGN_OR_RETURN(auto gen, synth::Generator::Create(std::move(input)));
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) return Status::Io("cannot create '" + out_dir.string() + "': " + ec.message());
  GenerateReport r{out_dir / "firms.tsv", out_dir / "indicators.csv", o.enterprises, o.months};
  {
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(r.firms.c_str(), "wb"));
    if (!f) return Status::Io("cannot write '" + r.firms.string() + "'");
    std::setvbuf(f.get(), nullptr, _IOFBF, 1 << 20);
    QQ_RETURN_IF_ERROR(gen.WriteFirms(f.get(), o.enterprises, progress));
  }
  {
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(r.indicators.c_str(), "wb"));
    if (!f) return Status::Io("cannot write '" + r.indicators.string() + "'");
    std::setvbuf(f.get(), nullptr, _IOFBF, 1 << 20);
    QQ_RETURN_IF_ERROR(gen.WriteIndicators(f.get(), o.enterprises, o.months, o.threads, progress));
  }
  return r;
}

}  // namespace qq::app
