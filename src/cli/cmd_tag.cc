// tag classify: chain tags for firms read as TSV on stdin (名称 \t 经营范围 \t 行业代码), written
// as JSON Lines, one line per input line, in order. Needs no database: the chain templates and the
// tagger rules come from data/ (--data-dir). `qiangqu tag --db` (stored tags) builds on the same
// tagger library later.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "app/chains.h"
#include "app/paths.h"
#include "cli/command.h"
#include "tagger/tagger.h"
#include "tagger/text_normalizer.h"

namespace qq::cli {
namespace {

// Lines per block: the tagger scans a block per call, and memory stays bounded on an endless
// stream.
constexpr size_t kBlockLines = 4096;
constexpr size_t kBlockBytes = 4u << 20;

// The first three TAB-separated fields; missing ones are empty.
tagger::FirmText ParseLine(std::string_view line) {
  std::string_view f[3];
  for (int k = 0; k < 3; ++k) {
    size_t tab = line.find('\t');
    f[k] = line.substr(0, tab);
    if (tab == std::string_view::npos) {
      line = {};
      for (int m = k + 1; m < 3; ++m) f[m] = {};
      break;
    }
    line.remove_prefix(tab + 1);
  }
  return {f[0], f[1], f[2]};
}

wire::Json ResultJson(const tagger::Tagger& t, const tagger::FirmText& firm,
                      const tagger::TagResult& r) {
  const auto& chains = t.chains();
  wire::Json names = wire::Json::array();
  for (uint16_t c : r.chains) names.push_back(chains[c].name);
  wire::Json links = wire::Json::array();
  for (const auto& l : r.links) {
    const auto& link = chains[l.chain].links[l.link];
    links.push_back({{"chain", chains[l.chain].name}, {"key", link.key}, {"name", link.name}});
  }
  wire::Json evidence = wire::Json::array();
  for (const auto& e : r.evidence) {
    std::string term;
    size_t offset = 0;
    switch (e.field) {
      case tagger::EvidenceField::kScope:
        term = std::string(t.TermText(e.term));
        offset = tagger::CodePointsBefore(firm.scope, e.offset);
        break;
      case tagger::EvidenceField::kCode: {
        std::string_view code = firm.industry_code;
        while (!code.empty() && (code.back() == ' ' || code.back() == '\r')) code.remove_suffix(1);
        term = std::string(code);
        break;
      }
      case tagger::EvidenceField::kChain:
        term = chains[e.source_chain].name;
        break;
    }
    evidence.push_back(
        {{"chain", chains[e.chain].name},
         {"link",
          e.link >= 0 ? chains[e.chain].links[static_cast<size_t>(e.link)].key : std::string()},
         {"term", term},
         {"field", tagger::EvidenceFieldName(e.field)},
         {"offset", offset},
         {"rule", tagger::EvidenceRuleName(e.rule)}});
  }
  return {{"chains", names},
          {"links", links},
          {"score", std::round(r.score * 100) / 100},
          {"evidence", evidence}};
}

int RunClassify(const CommonOptions& c) {
  auto data = app::FindDataDir(c.data_dir);
  if (!data.ok()) return Fail(c, data.status());
  auto tagger = app::LoadTagger(*data);
  if (!tagger.ok()) return Fail(c, tagger.status());
  std::ios::sync_with_stdio(false);
  std::vector<std::string> lines;
  std::vector<tagger::FirmText> firms;
  std::vector<tagger::TagResult> results;
  std::string out;
  std::string line;
  bool more = true;
  while (more) {
    lines.clear();
    size_t bytes = 0;
    while (lines.size() < kBlockLines && bytes < kBlockBytes) {
      if (!std::getline(std::cin, line)) {
        more = false;
        break;
      }
      if (!line.empty() && line.back() == '\r') line.pop_back();
      bytes += line.size();
      lines.push_back(line);
    }
    if (lines.empty()) break;
    firms.clear();
    for (const auto& l : lines) firms.push_back(ParseLine(l));
    Status st = tagger->TagBatch(firms, results);
    if (!st.ok()) return Fail(c, st);
    out.clear();
    for (size_t i = 0; i < firms.size(); ++i) {
      out += ResultJson(*tagger, firms[i], results[i])
                 .dump(-1, ' ', false, wire::Json::error_handler_t::replace);
      out += '\n';
    }
    if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size()) {
      return Fail(c, Status::Io("cannot write to standard output"));
    }
    std::fflush(stdout);
  }
  return 0;
}

void SetupTag(CLI::App& sub, CommonOptions& c) {
  sub.require_subcommand(1);
  auto* classify =
      sub.add_subcommand("classify",
                         "tag firms read as TSV lines on stdin (名称<TAB>经营范围<TAB>行业代码) "
                         "and write one JSON line per input line");
  AddDataDirOption(*classify, c);
  classify->callback([&c] { ExitCodeSlot() = RunClassify(c); });
}

}  // namespace

std::vector<Command> TagCommands() {
  return {{"tag", "chain tags for firms (tag classify: TSV on stdin → JSON Lines, no database)",
           SetupTag, nullptr}};
}

}  // namespace qq::cli
