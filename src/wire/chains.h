// JSON of the 链长制 answers: chain analysis, firms on a link, tags, relatedness, candidates, leads.
#pragma once

#include <vector>

#include "app/chains.h"
#include "store/tag_store.h"
#include "wire/json.h"

namespace qq::wire {

Json ChainAnalysisJson(const app::ChainAnalysis& a);
Json FirmsOnLinkJson(const std::vector<app::FirmOnLink>& firms);
Json TagsJson(const std::vector<app::TagView>& tags);
Json RelatednessJson(const app::RegionRelatedness& r);
Json CandidatesJson(const std::vector<app::LinkCandidates>& links);
Json LeadJson(const store::Lead& l);
Json LeadEventsJson(const std::vector<store::LeadEvent>& events);

}  // namespace qq::wire
