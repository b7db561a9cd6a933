// Demo service requests: `count` requests registered by the demo hotline operator through the
// real RequestService (routing, deadlines, sealing, history, dashboard counters as for any
// request), about the demo's enterprises, then taken by the demo administrator through the
// usual moves: about 55% resolved (most of them closed with a rating), 15% accepted or in
// progress, 5% rejected, the rest left new. Titles come from their category's topics
// (demo_topics.h); most phoned-in ones are from members (so the resolved count as served). Same
// seed, same requests (ids and tracking numbers aside). For benchmark data sets (`zhijia demo
// --requests N`) and a lived-in demo; nothing is added when there are requests already.
#pragma once

#include <cstdint>

#include "app/personal_data/vault.h"
#include "app/requests/request_service.h"
#include "store/database.h"

namespace zj::app {

//! The demo account `username` as an acting user, with its org (kFailedPrecondition when the
//! demo accounts are missing).
Result<Actor> DemoActor(store::Connection& conn, const std::string& username);

//! The demo worker (worker.demo, a portal account: demo_worker.cpp) as a signed-in worker, with
//! its member record when bound (kFailedPrecondition when the demo has not opened the account).
Result<Actor> DemoWorkerActor(store::Connection& conn, const Vault& vault);
//! The demo worker's phone: requests made as the worker give it as their contact.
std::string DemoWorkerPhone();

//! Returns how many requests were added (0 when there were some already).
Result<std::int64_t> LoadDemoRequests(store::Database& db, RequestService& requests,
                                      std::int64_t count, std::uint64_t seed);

}  // namespace zj::app
