#include "core/chain.h"

namespace qq {

const char* ChainPositionLabel(ChainPosition p) {
  switch (p) {
    case ChainPosition::kUpstream: return "上游";
    case ChainPosition::kMidstream: return "中游";
    case ChainPosition::kDownstream: return "下游";
  }
  return "中游";
}

Result<ChainPosition> ParseChainPosition(std::string_view label) {
  for (auto p : {ChainPosition::kUpstream, ChainPosition::kMidstream, ChainPosition::kDownstream}) {
    if (label == ChainPositionLabel(p)) return p;
  }
  if (label == "upstream") return ChainPosition::kUpstream;
  if (label == "midstream") return ChainPosition::kMidstream;
  if (label == "downstream") return ChainPosition::kDownstream;
  return Status::InvalidArgument("position '" + std::string(label) + "' is not 上游, 中游 or 下游");
}

const ChainLink* Chain::FindLink(std::string_view key) const {
  for (const auto& l : links) {
    if (l.key == key) return &l;
  }
  return nullptr;
}

}  // namespace qq
