// The JSON wire format shared by the HTTP API and the CLI's --json output: one mapping from
// domain and app types to JSON, so both speak exactly the same documents.
#pragma once

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace qq::wire {

using Json = nlohmann::ordered_json;

// {"error": {"code": "...", "message": "...", "details": [...]}} for a non-ok Status.
Json ErrorJson(const Status& status);
// The stable wire code for a status ("not_found", "bad_request", …).
const char* WireErrorCode(StatusCode code);

}  // namespace qq::wire
