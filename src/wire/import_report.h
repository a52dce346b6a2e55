// JSON of an import report: {"errors":[…],"warnings":[…],"created":[…], …}.
#pragma once

#include <vector>

#include "ingest/import_report.h"
#include "wire/json.h"

namespace qq::wire {

Json IssueJson(const ingest::ImportIssue& i);
Json ImportReportJson(const ingest::ImportReport& r);
// Several files imported by one command: their issues merged at the top, each file's report under "files".
Json ImportReportsJson(const std::vector<ingest::ImportReport>& reports);

}  // namespace qq::wire
