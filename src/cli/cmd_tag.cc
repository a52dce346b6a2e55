// tag --db DB: tags the whole registry of a database to chain links (people's confirmations and
// rejections are kept), with progress and a summary on stderr.
// tag classify: chain tags for firms read as TSV on stdin (名称 \t 经营范围 \t 行业代码), written
// as JSON Lines, one line per input line, in order. Needs no database: the chain templates and the
// tagger rules come from data/ (--data-dir).
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "app/chains.h"
#include "app/clock.h"
#include "app/database_admin.h"
#include "app/paths.h"
#include "cli/command.h"
#include "cli/progress.h"
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

int RunTagRegistry(const CommonOptions& c) {
  if (c.db.empty()) {
    return Fail(
        c,
        Status::InvalidArgument(
            "tag: --db DB is required to tag a registry (`tag classify` tags stdin without one)"));
  }
  auto data = app::FindDataDir(c.data_dir);
  if (!data.ok()) return Fail(c, data.status());
  auto db = app::OpenDatabase(c.db);
  if (!db.ok()) return Fail(c, db.status());
  auto tagger = app::LoadTagger(*data);
  if (!tagger.ok()) return Fail(c, tagger.status());
  // A redrawn bar on a terminal; otherwise (a log file, CI) a line at every tenth.
  Progress progress("tag");
  const bool tty = isatty(STDERR_FILENO) != 0;
  int64_t tenths = 0;
  auto report =
      app::TagRegistry(**db, *tagger, app::SystemClock(), [&](int64_t done, int64_t total) {
        progress.Update(static_cast<uint64_t>(done), static_cast<uint64_t>(total));
        if (tty || total <= 0) return;
        int64_t now = done * 10 / total;
        if (now <= tenths) return;
        tenths = now;
        std::fprintf(stderr, "tag: %lld%% (%lld/%lld firms)\n",
                     static_cast<long long>(done * 100 / total), static_cast<long long>(done),
                     static_cast<long long>(total));
      });
  if (!report.ok()) return Fail(c, report.status());
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.2f", report->seconds);
  progress.Finish(std::to_string(report->firms) + " firms, " + std::to_string(report->tagged) +
                  " tagged, " + std::to_string(report->links) + " links, " +
                  std::to_string(report->kept_decisions) + " kept decisions, " + secs + " s");
  if (c.json) {
    PrintJson({{"db", c.db},
               {"firms", report->firms},
               {"tagged", report->tagged},
               {"links", report->links},
               {"kept_decisions", report->kept_decisions},
               {"seconds", report->seconds}});
  }
  return 0;
}

void SetupTag(CLI::App& sub, CommonOptions& c) {
  sub.require_subcommand(0, 1);
  AddDbOption(sub, c, /*required=*/false);
  AddDataDirOption(sub, c);
  AddJsonOption(sub, c);
  auto* classify =
      sub.add_subcommand("classify",
                         "tag firms read as TSV lines on stdin (名称<TAB>经营范围<TAB>行业代码) "
                         "and write one JSON line per input line");
  AddDataDirOption(*classify, c);
  classify->callback([&c] { ExitCodeSlot() = RunClassify(c); });
  // CLI11 runs this after a sub-command's callback too; `tag classify` has already answered.
  sub.callback([&sub, &c, classify] {
    if (sub.got_subcommand(classify)) return;
    ExitCodeSlot() = RunTagRegistry(c);
  });
}

}  // namespace

std::vector<Command> TagCommands() {
  return {{"tag",
           "chain tags for firms: tag --db DB tags the registry (decisions kept); "
           "tag classify: TSV on stdin → JSON Lines, no database",
           SetupTag, nullptr}};
}

}  // namespace qq::cli
