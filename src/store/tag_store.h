// TagStore: firms on chain links (the tagger's tags and people's decisions). LeadStore: the
// investment-attraction pipeline.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/region_code.h"
#include "store/database.h"

namespace qq::store {

enum class TagStatus { kAuto, kConfirmed, kRejected };
const char* TagStatusName(TagStatus s);  // auto, confirmed, rejected
Result<TagStatus> ParseTagStatus(std::string_view s);

struct TagRow {
  int64_t enterprise_id = 0;
  int64_t link_id = 0;
  bool manual = false;            // source: a person (true) or the tagger
  TagStatus status = TagStatus::kAuto;
  double score = 0;
  std::string evidence;           // one line per piece: rule|field|term|offset|length
  int64_t tagged_at = 0;
  std::optional<std::string> decided_by;
  std::optional<int64_t> decided_at;
  std::string note;
};

class TagStore {
 public:
  explicit TagStore(Database& db) : db_(db) {}
  // Replaces the tagger's undecided rows of one firm with `rows` (source tagger, status auto);
  // rows a person decided (confirmed/rejected) are kept as they are.
  Status ReplaceTaggerRows(int64_t enterprise_id, const std::vector<TagRow>& rows);
  // Records a person's decision on (firm, link): confirmed adds or keeps the tag, rejected keeps
  // the row so that re-tagging does not bring it back.
  Status Decide(int64_t enterprise_id, int64_t link_id, TagStatus status, const std::string& username,
                const std::string& note, int64_t at);
  // Every row of a firm.
  Result<std::vector<TagRow>> ForEnterprise(int64_t enterprise_id);
  // Every row on a link.
  Result<std::vector<TagRow>> ForLink(int64_t link_id);
  // Streams every row (firm, link) in firm order.
  Status ForEach(const std::function<Status(const TagRow&)>& fn);
  Result<int64_t> Count();

 private:
  Database& db_;
};

struct Lead {
  int64_t id = 0;
  RegionCode region;
  std::string chain;
  std::optional<int64_t> link_id;
  std::optional<int64_t> enterprise_id;
  std::string firm_name;
  std::string stage = "线索";  // 线索 → 接洽 → 考察 → 洽谈 → 签约 → 落地, or 放弃
  std::string owner;
  std::optional<int64_t> expected_investment;  // 元
  std::string note;
  std::optional<int64_t> project_id;
  int64_t created_at = 0, updated_at = 0;
  std::string uscc;  // of the firm when it is in the registry (read only)
};

struct LeadEvent {
  int64_t at = 0;
  std::optional<std::string> stage_from;
  std::string stage_to, username, note;
};

class LeadStore {
 public:
  explicit LeadStore(Database& db) : db_(db) {}
  Status Add(Lead& lead, const std::string& username);
  Result<Lead> Get(int64_t id);
  // Leads of regions inside `scope`, optionally of one chain, newest first.
  Result<std::vector<Lead>> List(const std::vector<RegionCode>& scope, const std::string& chain);
  // Moves a lead to `stage`, recording the event; sets the project when given.
  Status Move(int64_t id, const std::string& stage, const std::string& username, const std::string& note,
              std::optional<int64_t> project_id, int64_t at);
  // Links the lead to its project without a stage event.
  Status SetProject(int64_t id, int64_t project_id);
  Result<std::vector<LeadEvent>> Events(int64_t id);

 private:
  Database& db_;
};

}  // namespace qq::store
