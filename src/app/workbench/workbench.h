// The workbench (工作台): what waits for the signed-in account and a few figures of its subtree,
// as cards. Every card is registered once in a CardRegistry by the module it belongs to (id,
// the roles it is shown to, a function computing it from the actor's scope); the console's
// home page draws whatever cards the server sends, so a new module adds a card without
// touching the page. A card's count is what its link's filtered list shows to the same actor.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/accounts/account_service.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace zj::app {

class TransferService;

//! Where a card leads: a console route and the query of the filtered list (the page reads it).
struct CardLink {
  std::string route;                                       //!< e.g. "/requests"
  std::vector<std::pair<std::string, std::string>> query;  //!< e.g. {"box", "overdue"}
};

//! One line of a list card (today's deadlines): what it is, when, and its page.
struct CardItem {
  std::string label;   //!< e.g. the request's tracking number and title
  std::string detail;  //!< e.g. the handling org's name
  std::string status;  //!< the object's status code, "" when none
  std::optional<std::int64_t> due_at;
  CardLink link;
};

enum class CardKind {
  kTodo,  //!< a count of things waiting for this account
  kList,  //!< a few things with a deadline, and how many in all
  kKpi,   //!< a figure of the subtree: a count or a rate
};

std::string_view CardKindName(CardKind kind);  //!< "todo", "list", "kpi"

struct Card {
  std::string id;  //!< stable, snake_case: the web's label key workbench.cards.<id>
  CardKind kind = CardKind::kTodo;
  std::optional<std::int64_t> count;  //!< a todo's or list's count, a counting KPI's value
  std::optional<double> rate;         //!< a rate KPI in [0, 1]; nullopt with its denominator 0
  bool is_rate = false;               //!< the KPI is a rate (shown "—" when rate is nullopt)
  std::optional<CardLink> link;
  std::vector<CardItem> items;  //!< list cards only
};

//! What a card's function may use: the actor and its scope, the time, the store and the
//! services whose rules a card must share (it never re-derives who sees what).
struct CardContext {
  const Actor& actor;
  std::int64_t now_ms = 0;
  store::Database& db;
  TransferService& transfers;
  //! The actor's scope as a range of org paths (org_scope.h: ScopeRange).
  std::string scope_low;
  std::string scope_high;
};

struct CardSpec {
  std::string id;
  CardKind kind = CardKind::kTodo;
  std::vector<std::string> roles;  //!< the roles shown this card (accounts::RoleName)
  //! Computes the card (id and kind are filled in afterwards); nullopt leaves it out for this
  //! actor (e.g. an account without an org has no "handled by us" queue).
  std::function<Result<std::optional<Card>>(const CardContext&)> compute;
};

//! The cards of every module, in the order the home page shows them.
class CardRegistry {
 public:
  //! Adds a card; a second card with the same id is a programming error (std::logic_error).
  void Add(CardSpec spec);
  //! The cards shown to `role`, in registration order.
  std::vector<const CardSpec*> For(std::string_view role) const;
  const std::vector<CardSpec>& All() const { return cards_; }

 private:
  std::vector<CardSpec> cards_;
};

//! The registry with every module's cards: the one place a module adds its own.
CardRegistry StandardCards();

class Workbench {
 public:
  Workbench(store::Database& db, const Clock& clock, TransferService& transfers,
            CardRegistry registry = StandardCards())
      : db_(db), clock_(clock), transfers_(transfers), registry_(std::move(registry)) {}

  //! The cards of the actor's role, each computed within the actor's scope. A worker (no
  //! scope) gets none: the portal is the worker's home.
  Result<std::vector<Card>> Of(const Actor& actor);

  const CardRegistry& registry() const { return registry_; }

 private:
  store::Database& db_;
  const Clock& clock_;
  TransferService& transfers_;
  CardRegistry registry_;
};

}  // namespace zj::app
