#include "store/chain_store.h"

#include <set>

namespace qq::store {
namespace {

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += sep;
    out += items[i];
  }
  return out;
}

std::vector<std::string> Split(const std::string& text, std::string_view sep) {
  std::vector<std::string> out;
  if (text.empty()) return out;
  size_t start = 0;
  while (true) {
    size_t pos = text.find(sep, start);
    out.push_back(text.substr(start, pos - start));
    if (pos == std::string::npos) break;
    start = pos + sep.size();
  }
  return out;
}

}  // namespace

Status ChainStore::Upsert(const std::vector<Chain>& chains) {
  Savepoint sp(db_);
  QQ_ASSIGN_OR_RETURN(auto up_chain, db_.Prepare(
      "INSERT INTO chain (name, sort, description, sources) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (name) DO UPDATE SET sort = ?2, description = ?3, sources = ?4 RETURNING id"));
  QQ_ASSIGN_OR_RETURN(auto up_link, db_.Prepare(
      "INSERT INTO chain_link (chain_id, key, name, parent_key, position, tagging, keywords, products, note, sort, service) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?10, ?8, ?9, ?11) ON CONFLICT (chain_id, key) DO UPDATE SET "
      "name = ?3, parent_key = ?4, position = ?5, tagging = ?6, keywords = ?7, products = ?10, note = ?8, sort = ?9, "
      "service = ?11 RETURNING id"));
  QQ_ASSIGN_OR_RETURN(auto del_codes, db_.Prepare("DELETE FROM chain_link_industry WHERE link_id = ?"));
  QQ_ASSIGN_OR_RETURN(auto ins_code, db_.Prepare("INSERT OR IGNORE INTO chain_link_industry (link_id, code, hint) VALUES (?, ?, ?)"));
  QQ_ASSIGN_OR_RETURN(auto list_links, db_.Prepare("SELECT id, key FROM chain_link WHERE chain_id = ?"));
  QQ_ASSIGN_OR_RETURN(auto del_link, db_.Prepare("DELETE FROM chain_link WHERE id = ?"));
  for (const auto& c : chains) {
    up_chain.Reset();
    up_chain.Bind(1, c.name).Bind(2, c.order).Bind(3, c.description).Bind(4, Join(c.sources, "\n"));
    QQ_ASSIGN_OR_RETURN(bool row, up_chain.Step());
    if (!row) return Status::Internal("chain upsert returned no id");
    int64_t chain_id = up_chain.Int(0);
    up_chain.Reset();
    std::set<std::string> keys;
    int sort = 0;
    for (const auto& l : c.links) {
      keys.insert(l.key);
      up_link.Reset();
      up_link.Bind(1, chain_id).Bind(2, l.key).Bind(3, l.name);
      if (l.parent_key.empty()) up_link.BindNull(4); else up_link.Bind(4, l.parent_key);
      up_link.Bind(5, ChainPositionLabel(l.position)).Bind(6, l.tagging ? 1 : 0)
          .Bind(7, Join(l.keywords, "、")).Bind(8, l.note).Bind(9, sort++)
          .Bind(10, Join(l.products, "、")).Bind(11, l.service ? 1 : 0);
      QQ_ASSIGN_OR_RETURN(bool lrow, up_link.Step());
      if (!lrow) return Status::Internal("link upsert returned no id");
      int64_t link_id = up_link.Int(0);
      up_link.Reset();
      del_codes.Bind(1, link_id);
      QQ_RETURN_IF_ERROR(del_codes.Run());
      for (int hint = 0; hint < 2; ++hint) {
        for (const auto& code : hint ? l.hint_codes : l.industry_codes) {
          ins_code.Bind(1, link_id).Bind(2, code.str()).Bind(3, hint);
          QQ_RETURN_IF_ERROR(ins_code.Run().WithContext("chain " + c.name + " link " + l.key + " code " + code.str()));
        }
      }
    }
    list_links.Reset();
    list_links.Bind(1, chain_id);
    std::vector<int64_t> stale;
    while (true) {
      QQ_ASSIGN_OR_RETURN(bool lrow, list_links.Step());
      if (!lrow) break;
      if (!keys.count(list_links.Text(1))) stale.push_back(list_links.Int(0));
    }
    for (int64_t id : stale) {
      del_link.Bind(1, id);
      QQ_RETURN_IF_ERROR(del_link.Run());
    }
  }
  return sp.Release();
}

Result<std::vector<ChainLink>> ChainStore::Links(int64_t chain_id) {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare(
      "SELECT id, key, name, parent_key, position, tagging, keywords, note, products, service FROM chain_link "
      "WHERE chain_id = ? ORDER BY sort"));
  QQ_ASSIGN_OR_RETURN(auto codes, db_.Prepare("SELECT code, hint FROM chain_link_industry WHERE link_id = ? ORDER BY code"));
  st.Bind(1, chain_id);
  std::vector<ChainLink> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    ChainLink l;
    l.id = st.Int(0);
    l.key = st.Text(1);
    l.name = st.Text(2);
    l.parent_key = st.OptText(3).value_or("");
    QQ_ASSIGN_OR_RETURN(l.position, ParseChainPosition(st.Text(4)));
    l.tagging = st.Int(5) != 0;
    l.keywords = Split(st.Text(6), "、");
    l.note = st.Text(7);
    l.products = Split(st.Text(8), "、");
    l.service = st.Int(9) != 0;
    codes.Reset();
    codes.Bind(1, l.id);
    while (true) {
      QQ_ASSIGN_OR_RETURN(bool crow, codes.Step());
      if (!crow) break;
      QQ_ASSIGN_OR_RETURN(auto code, IndustryCode::Parse(codes.Text(0)));
      (codes.Int(1) ? l.hint_codes : l.industry_codes).push_back(code);
    }
    out.push_back(std::move(l));
  }
  return out;
}

Result<std::vector<Chain>> ChainStore::List() {
  QQ_ASSIGN_OR_RETURN(auto st, db_.Prepare("SELECT id, name, sort, description, sources FROM chain ORDER BY sort, id"));
  std::vector<Chain> out;
  while (true) {
    QQ_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    Chain c;
    c.id = st.Int(0);
    c.name = st.Text(1);
    c.order = static_cast<int>(st.Int(2));
    c.description = st.Text(3);
    c.sources = Split(st.Text(4), "\n");
    out.push_back(std::move(c));
  }
  for (auto& c : out) {
    QQ_ASSIGN_OR_RETURN(c.links, Links(c.id));
  }
  return out;
}

Result<Chain> ChainStore::Get(int64_t id) {
  QQ_ASSIGN_OR_RETURN(auto all, List());
  for (auto& c : all) {
    if (c.id == id) return std::move(c);
  }
  return Status::NotFound("no chain with id " + std::to_string(id));
}

Result<Chain> ChainStore::GetByName(const std::string& name) {
  QQ_ASSIGN_OR_RETURN(auto all, List());
  for (auto& c : all) {
    if (c.name == name) return std::move(c);
  }
  return Status::NotFound("no chain named " + name);
}

}  // namespace qq::store
