// The world of the role × route matrix (http_route_matrix_test.cpp). District A (the callers'
// own, "in") and district B ("out") of the demo tree each get two streets, two grassroots unions,
// an enterprise, a member, a service request, a member transfer, a roster import, a cadre
// account with a phone and a worker's binding waiting for the union. A row's target and body name
// these with {placeholders}, filled with the object of the case's side; the new_ ones make a new
// object for the one case, so a case that changes or consumes its object (moves an org, decides a
// transfer) leaves the others' as they were. Every case calls as a new account of its role in
// district A, signed in through the API: staff on the console, a worker on the portal by phone and
// code (the worker also has a retired console account of role `worker`, whose console sign-in is
// refused).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "coverage_fixture.h"
#include "http/router.h"
#include "worker_fixture.h"

namespace zj::test {

//! Which district's objects a case's placeholders name: the caller's own (A) or another (B).
enum class Side { kIn, kOut };

//! The caller of one case: a new account of its role in district A (a worker has no org).
struct Caller {
  std::string role;  //!< worker, cadre, staff, operator, admin; "anonymous" for nobody
  std::string username;
  std::string password;
  std::string address;  //!< its own remote address, so per-address throttles never mix cases
  std::string cookie;   //!< "" for anonymous; the portal's for a worker
  std::string csrf;
  std::string phone;  //!< a worker's own phone, "" for the others
};

class RouteMatrixTest : public CoverageTest {
 protected:
  //! One district of the world and what lies in it.
  struct Place {
    OrgRef district;
    Street street, street2;  //!< two of its streets (a street's code is its region code)
    std::int64_t union1 = 0, union2 = 0;  //!< grassroots unions under street and street2
    std::string street_name;              //!< e.g. 东华门街道总工会
    std::int64_t enterprise = 0;          //!< in street, covered by union1
    std::string enterprise_name;
    std::int64_t member = 0;           //!< of union1
    std::int64_t request = 0;          //!< routed to street
    std::int64_t transfer = 0;         //!< pending, with union1 receiving
    std::int64_t import = 0;           //!< a roster imported into union1 as a job, its upload kept
    std::int64_t job = 0;              //!< a finished export of union1 run as a job (its file kept)
    std::int64_t user = 0;             //!< a cadre of street, with a phone
    std::string request_tracking;      //!< request's tracking number
    std::int64_t binding = 0;          //!< pending: a worker claimed a new member of union1
    std::int64_t hardship_file = 0;    //!< a household's open file in union1 (issue 20)
    std::int64_t hardship_person = 0;  //!< its first person
    std::int64_t aid_grant = 0;        //!< a proposed festival grant to another file of union1
    std::int64_t legal_case = 0;       //!< a wage arrears case handled by union1 (issue 20)
    std::int64_t lawyer = 0;           //!< an aid centre in union1's directory
    std::int64_t competition = 0;      //!< the district's, with the enterprise enrolled (21)
    std::int64_t comp_entry = 0;       //!< that entry, listed (the list frozen)
    std::int64_t activity = 0;         //!< the district's, open (issue 22)
    std::int64_t honour_round = 0;     //!< the district's honour round, open, no nominations
    app::Actor builder;                //!< staff of the district who made all of it
  };

  void SetUp() override;
  void TearDown() override;

  //! Makes the shared objects of both districts (once per test).
  void BuildWorld();
  //! A new account of `role` in district A, signed in unless `role` is "anonymous" (the
  //! account then exists but sends no cookie: the sign-in row uses its name and password).
  Caller NewCaller(const std::string& role);
  //! One call of the matrix: its side, its caller, and the values its placeholders took (a name
  //! used twice in one case, e.g. in the target and in what must stay hidden, is one object).
  struct Case {
    Side side = Side::kIn;
    Caller caller;
    std::map<std::string, std::string, std::less<>> values;
  };
  //! `text` with every {name} replaced by its value in `c` (percent-encoded when `in_target`).
  //! An unknown name fails the test and is left as it is.
  std::string Fill(std::string_view text, Case& c, bool in_target);
  //! Sends one request from `caller`: cookie and CSRF token when signed in; a body starting
  //! with '{' is JSON, any other text/plain.
  http::Response Send(const Caller& caller, boost::beast::http::verb method,
                      const std::string& target, const std::string& body);

  std::unique_ptr<http::Router> router_;

 private:
  using Filler = std::function<std::string(const Place&, Side, const Caller&)>;
  void DefinePlaceholders();
  Place MakePlace(const OrgRef& district, const std::vector<Street>& streets,
                  const app::Actor& builder, const std::string& tag);

  // Factories of fresh objects; each fails the test when the use case refuses.
  std::int64_t NewUnion(const Place& p, std::int64_t street_id);
  std::int64_t NewEnterprise(const Place& p, std::optional<std::int64_t> union_id);
  std::int64_t NewMember(const Place& p, std::int64_t union_id);
  std::int64_t NewCadre(const Place& p);
  //! Opens a hardship file of one person (entered by hand) in union1; sets the place's file.
  void NewHardshipFile(Place& p);
  // Aid (route_matrix_aid.cpp): the federation's festival rule, limits and both districts'
  // budgets; a new open file of one person in union1; a festival grant to a new file, proposed
  // or approved by the side's builder; their placeholders.
  void LoadAidRules();
  std::int64_t NewOpenFile(const Place& p);  //!< opened and made active (aid goes to active files)
  std::int64_t NewAidGrant(const Place& p, bool approved);
  void DefineAidPlaceholders();
  // Legal cases (route_matrix_legal.cpp): a case of union1 against the side's enterprise, with
  // one worker when asked (its id kept for {its_worker}); an aid centre of union1.
  std::int64_t NewLegalCase(const Place& p, bool with_worker = false);
  std::int64_t NewLawyer(const Place& p);
  void DefineLegalPlaceholders();
  std::int64_t last_case_worker_ = 0;
  // Competitions (route_matrix_competitions.cpp): a competition of the side's district with one
  // group of enterprises; stage 0 enrolling, 1 with the side's enterprise enrolled (its entry
  // kept for {its_entry}), 2 that and the list frozen.
  std::int64_t NewCompetition(const Place& p, int stage);
  void DefineCompetitionPlaceholders();
  std::int64_t last_comp_entry_ = 0;
  // Mutual aid (route_matrix_mutual_aid.cpp): a new plan of the side's district with this
  // period opened (kept in last_ma_period_); that and a new member of union1 enrolled (kept in
  // last_ma_member_); a claim of that member filed (and approved); union1's list (and sent).
  std::int64_t NewMaPlan(const Place& p);
  std::int64_t NewMaEnrolled(const Place& p);
  std::int64_t NewMaClaim(const Place& p, bool approved);
  std::int64_t NewMaList(const Place& p, bool sent);
  void DefineMutualAidPlaceholders();
  std::int64_t last_ma_period_ = 0;
  std::int64_t last_ma_member_ = 0;
  // The talent pool (route_matrix_talent.cpp): a new member of the side's union1 with an entry
  // of the matrix's trade; a new studio of the side's district led by the side's member, funded
  // from this year.
  std::int64_t NewTalentMember(const Place& p);
  std::int64_t NewStudio(const Place& p);
  void DefineTalentPlaceholders();
  //! A certificate issued by the side's district: to `member` when given, else to the side's
  //! enterprise (its code kept for {its_code}).
  std::int64_t NewCertificate(const Place& p, std::optional<std::int64_t> member);
  std::string last_cert_code_;
  // Activities (route_matrix_activities.cpp): a new activity of the side's district, a draft or
  // open; one with a registration (kept for {its_registration}); for a worker caller one it is
  // registered for, or offered a seat of.
  std::int64_t NewActivity(const Place& p, bool open);
  void DefineActivityPlaceholders();
  std::int64_t last_registration_ = 0;
  // Training (route_matrix_training.cpp): the side's district's course and an open class with a
  // session (made once per test, by the district's builder); a new class with the side's member
  // seated; for a worker caller a new open class of the side (the caller bound in district A).
  std::int64_t TrainingCourse(const Place& p);
  std::int64_t NewTrainingClass(const Place& p, std::optional<std::int64_t> seated);
  void DefineTrainingPlaceholders();
  std::map<std::int64_t, std::int64_t> training_courses_, training_classes_, class_sessions_;
  //! An open honour round of the side's district (made by its builder): stage 0 empty, 1 with
  //! the side's member nominated onto its street's list (the nomination kept for
  //! {its_nomination}), 2 that list forwarded to the district.
  std::int64_t NewHonourRound(const Place& p, int stage);
  std::int64_t last_nomination_ = 0;
  //! The member a worker caller is bound to (after binding it to a new member of `p`).
  std::int64_t BindCaller(const Place& p, const Caller& c);
  struct Filed {
    std::int64_t id = 0;
    std::string tracking_number;
  };
  Filed NewRequest(const Place& p);
  Filed NewResolvedRequest(const Place& p);
  //! A pending transfer of a new member of `from_union` to `to_union`, asked by `sender`.
  std::int64_t NewTransfer(const app::Actor& sender, const Place& from, std::int64_t from_union,
                           std::int64_t to_union);
  //! Runs `csv` into `union_id` as `actor`, the file kept for the report.
  std::int64_t Import(const app::Actor& actor, std::int64_t union_id, const std::string& csv);
  //! Uploads a roster for union1 as the district's staff: a queued import job (the run's id).
  std::int64_t NewQueuedImport(const Place& p);
  //! An export of union1 run as a job to its end, its file kept.
  std::int64_t ExportJob(const Place& p);
  std::string NewIdNumber();
  //! Signs `phone` in on the portal from `address` (code by the recording SMS sender).
  app::WorkerSessionGrant SignInWorker(const std::string& phone, const std::string& address);
  //! A phone and an address no one used yet.
  std::string NewWorkerPhone() { return "135" + std::to_string(10000000 + Next()); }
  std::string NewAddress();
  //! A worker's binding to a new member of the side's union1 that waits for the union (the
  //! member's stored phone is another).
  std::int64_t NewBinding(const Place& p);
  //! A pending correction (of the name) that a new worker bound to a new member of the side's
  //! union1 asked for.
  std::int64_t NewCorrection(const Place& p);
  //! A member card token of a new member of the side's union1, bound to a new worker.
  std::string NewCardToken(const Place& p);
  //! A new member of the side's union1 with `phone`: its ID number (name 张晓林).
  std::string NewMemberWithPhone(const Place& p, const std::string& phone);
  //! A request the worker `caller` sent signed in on the portal, resolved by the side's staff
  //! when `resolved`; for anyone else a request like the world's.
  std::int64_t OwnRequest(const Place& p, const Caller& caller, bool resolved);
  //! An entry of the worker `caller`'s inbox (a request of theirs resolved); for anyone else an
  //! entry of a new worker's inbox, someone else's.
  std::int64_t NewNotification(const Place& p, const Caller& caller);
  //! A pending transfer to the side's union2 that a worker asked for on My membership: the
  //! caller's own (bound to a new member of the side first) when the caller is a worker,
  //! else another worker's.
  std::int64_t NewWorkerTransfer(const Place& p, const Caller& caller);
  int Next() { return ++serial_; }

  Place& PlaceOf(Side side) { return side == Side::kIn ? a_ : b_; }

  Place a_, b_;
  std::map<std::string, Filler, std::less<>> placeholders_;
  RecordingSms sms_;
  std::string password_hash_;  //!< of kCallerPassword, hashed once for every caller
  std::filesystem::path files_;
  int serial_ = 0;
};

}  // namespace zj::test
