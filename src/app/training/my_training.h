// Training in My account (issue 22): the open classes of the courses above the worker's union
// (a class is open to the members of its org's subtree) and the classes the worker is enrolled
// in, each with their enrolment (a seat or the waitlist, core Decide) and attendance; enrolment
// from the phone; and the worker's training certificates with their expiry ("expires soon"
// within the course's reminder days). A class outside the worker's reach is kNotFound. The daily
// reminder job (RemindExpiringCertificates) tells a holder in their inbox, once, from
// remind_days_before days before the expiry (core ReminderDue), and sets reminded_at.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/accounts/actor.h"
#include "app/clock.h"
#include "core/result.h"
#include "store/database.h"
#include "store/training.h"

namespace zj::app {

struct MyClass {
  store::ClassRow row;
  std::string course_title;
  std::string org_name;
  std::optional<store::EnrolmentRow> mine;
  int attended = 0;
  bool can_enrol = false;  //!< open now and not enrolled
};

struct MyCertificate {
  store::TrainingCertificate row;
  std::string display_code;
  std::string issued_on;
  std::optional<std::string> expires_on;  //!< YYYY-MM-DD
  bool expired = false;
  bool expires_soon = false;  //!< within 30 days of the expiry
};

struct MyTraining {
  std::vector<MyClass> classes;
  std::vector<MyCertificate> certificates;
};

class MyTrainingService {
 public:
  MyTrainingService(store::Database& db, const Clock& clock, Random& random)
      : db_(db), clock_(clock), random_(random) {}

  Result<MyTraining> List(const Actor& worker);
  //! Decide's refusals (409); kConflict "error.activity.registered_twice" also for a race of the
  //! same member (the unique key).
  Result<MyClass> Enrol(const Actor& worker, std::int64_t class_id);

 private:
  Result<MyClass> View(store::Connection& conn, store::ClassRow row, std::int64_t member_id);

  store::Database& db_;
  const Clock& clock_;
  Random& random_;
};

//! The daily reminder: every training certificate whose ReminderDue holds today (Beijing) gets
//! one inbox entry (kInboxCertificateExpiring) for its holder's account and reminded_at; at most
//! `limit` per run. The number reminded.
Result<int> RemindExpiringCertificates(store::Database& db, const Clock& clock, Random& random,
                                       int limit = 5'000);

//! The verify page's expiry of the certificate of `code`: YYYY-MM-DD, or nullopt.
Result<std::optional<std::string>> CertificateExpiresOn(store::Database& db,
                                                        const std::string& code);

}  // namespace zj::app
