// `zhijia serve`: applies pending migrations, then serves the API and the web front end until
// SIGTERM/SIGINT, and exits 0 after a graceful stop.
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <thread>

#include "app/activities/activity_service.h"
#include "app/application.h"
#include "app/coverage/reached.h"
#include "app/coverage/served.h"
#include "app/jobs/job_runner.h"
#include "app/notify/outbox.h"
#include "app/notify/sms_outbox.h"
#include "app/system/periodic_jobs.h"
#include "app/training/my_training.h"
#include "cli/commands.h"
#include "cli/server_log.h"
#include "cli/sms_options.h"
#include "http/server.h"

namespace zj::cli {

namespace {

Result<std::pair<std::string, unsigned short>> ParseListen(const std::string& text) {
  const auto colon = text.rfind(':');
  auto bad = [&] {
    Error e{ErrorCode::kInvalidArgument, "error.listen_address", "", {}, {{"value", text}}};
    return Fail(std::move(e));
  };
  if (colon == std::string::npos || colon == 0) return bad();
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  try {
    std::size_t used = 0;
    const int port = std::stoi(text.substr(colon + 1), &used);
    if (used != text.size() - colon - 1 || port < 0 || port > 65535) return bad();
    return std::pair{host, static_cast<unsigned short>(port)};
  } catch (const std::exception&) {
    return bad();
  }
}

}  // namespace

void AddServeCommand(CLI::App& app, const GlobalOptions& global, Runner& run) {
  auto* cmd = app.add_subcommand("serve", "Serve the web front end and the JSON API");
  struct Options {
    std::string listen = "127.0.0.1:8080";
    std::string trust_proxy;  //!< "" when not given
    http::ServerOptions server;
    app::SmtpConfig smtp;
    SmsOptions sms;
    app::JobsConfig jobs;
    app::JobRunnerOptions runner;
    int files_keep_days = 7;
  };
  auto o = std::make_shared<Options>();
  o->server.threads = std::max(4, 2 * static_cast<int>(std::thread::hardware_concurrency()));
  cmd->add_option("--listen", o->listen, "Address and port to listen on (port 0: any free port)")
      ->envname("ZHIJIA_LISTEN")
      ->capture_default_str();
  cmd->add_option("--web-root", o->server.web_root, "Folder of the built front end (web/dist)")
      ->envname("ZHIJIA_WEB_ROOT")
      ->capture_default_str();
  cmd->add_option("--threads", o->server.threads, "Worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_flag("--secure-cookies", o->server.secure_cookies,
                "Mark cookies Secure (serving over TLS)");
  // Without a value: a proxy on this machine (loopback); with one, the proxies' addresses.
  cmd->add_option("--trust-proxy", o->trust_proxy,
                  "Believe X-Forwarded-For/-Proto from these reverse proxies (addresses or CIDR "
                  "networks, comma-separated; without a value: loopback only)")
      ->expected(0, 1)
      ->default_str("loopback");
  cmd->add_option("--max-upload-bytes", o->server.limits.upload_bytes,
                  "Largest roster or register upload accepted (other requests: 1 MiB)")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 34))
      ->capture_default_str();
  cmd->add_option("--job-workers", o->runner.workers,
                  "Background jobs (imports, large exports) run at once; 0: this server runs none")
      ->check(CLI::Range(0, 16))
      ->capture_default_str();
  cmd->add_option("--files-dir", o->jobs.files_dir,
                  "Folder of the sealed uploads and job results (default: 'files' beside a SQLite "
                  "database, ./data/files otherwise)")
      ->envname("ZHIJIA_FILES_DIR");
  cmd->add_option("--files-keep-days", o->files_keep_days,
                  "Days a finished job's files (upload, report, export) are kept")
      ->check(CLI::Range(0, 365))
      ->capture_default_str();
  cmd->add_option("--export-job-rows", o->jobs.export_job_rows,
                  "Exports of more members than this run as background jobs")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1} << 40))
      ->capture_default_str();
  cmd->add_option("--smtp-url", o->smtp.url,
                  "Send notifications by e-mail through this server (smtp://host:587); "
                  "without it they go to the log")
      ->envname("ZHIJIA_SMTP_URL");
  cmd->add_option("--smtp-from", o->smtp.from, "Sender address of notification e-mails")
      ->envname("ZHIJIA_SMTP_FROM");
  cmd->add_option("--smtp-user", o->smtp.username,
                  "SMTP user name (password: ZHIJIA_SMTP_PASSWORD)")
      ->envname("ZHIJIA_SMTP_USER");
  AddSmsOptions(*cmd, o->sms);
  cmd->callback([&global, &run, o] {
    run = [&global, o] {
      auto listen = ParseListen(o->listen);
      if (!listen) return ReportError(listen.error());
      o->server.host = listen->first;
      o->server.port = listen->second;
      if (!o->trust_proxy.empty()) {
        auto proxies = http::TrustedProxies::Parse(o->trust_proxy);
        if (!proxies) return ReportError(proxies.error());
        o->server.trusted_proxies = std::move(*proxies);
      }
      auto sms = MakeSmsSender(o->sms);
      if (!sms) return ReportError(sms.error());
      if (o->jobs.files_dir.empty()) o->jobs.files_dir = DefaultFilesDir(global);
      o->jobs.files_keep_ms = std::int64_t{o->files_keep_days} * 24 * 3600 * 1000;
      auto runtime = OpenRuntime(global, {}, nullptr, o->jobs);
      if (!runtime) return ReportError(runtime.error());
      // Follow the key file, so `zhijia keys rotate` may run while the server serves.
      auto key_file = std::make_shared<app::KeyFile>(KeyFileOf(global));
      (*runtime)->app->vault().Follow(
          [key_file]() -> std::optional<app::KeyRing> {
            auto ring = key_file->LoadIfChanged();
            if (ring) return *ring;
            spdlog::error("key file {} not reloaded: {}", key_file->path(), ring.error().detail);
            return std::nullopt;
          },
          app::kKeyFollowInterval);
      app::Application& application = *(*runtime)->app;
      // Notifications: e-mail when an SMTP server is configured, the log otherwise; always
      // through the outbox, so a mail server that is down delays them and loses none.
      std::unique_ptr<app::Notifier> notifier = std::make_unique<app::LogNotifier>();
      if (!o->smtp.url.empty()) {
        if (const char* password = std::getenv("ZHIJIA_SMTP_PASSWORD")) o->smtp.password = password;
        notifier = std::make_unique<app::SmtpNotifier>(o->smtp, std::move(notifier));
      }
      // Before the jobs and the server, so it outlives their threads (server_log.h).
      const BufferedServerLog log;
      app::PeriodicJobs jobs;
      jobs.Add("calendars.reload", std::chrono::minutes(5),
               [&application] { return application.calendars().Reload(); });
      jobs.Add("outbox.deliver", std::chrono::seconds(30),
               [&application, &notifier]() -> Result<void> {
                 ZJ_RETURN_IF_ERROR(
                     app::DeliverOutbox(application.db(), application.clock(), *notifier));
                 return {};
               });
      // Sign-in codes: their own job, woken as soon as one is queued; retried while the gateway
      // is down (app/notify/sms_outbox.h).
      jobs.Add("sms.deliver", std::chrono::seconds(5), [&application, &sms]() -> Result<void> {
        ZJ_RETURN_IF_ERROR(
            app::DeliverSms(application.db(), application.clock(), application.vault(), **sms));
        return {};
      });
      application.sign_in().OnSmsQueued([&jobs] { jobs.RunSoon("sms.deliver"); });
      jobs.Add("sign_in_codes.forget", std::chrono::hours(1), [&application]() -> Result<void> {
        ZJ_RETURN_IF_ERROR(application.sign_in().ForgetOldCodes());
        return {};
      });
      // Lapsed deadlines escalate within a minute; after downtime, at once (the job runs at
      // start), each lapse once.
      jobs.Add("requests.sweep", std::chrono::minutes(1), [&application]() -> Result<void> {
        ZJ_RETURN_IF_ERROR(application.requests().Sweep());
        return {};
      });
      // The yearly spot-check draw and erasure after retention (app/hardship/hardship_sweep.h).
      jobs.Add("hardship.sweep", std::chrono::hours(1), [&application]() -> Result<void> {
        ZJ_RETURN_IF_ERROR(application.hardship_sweep().Run());
        return {};
      });
      // Offers of a freed seat not confirmed by their deadline lapse, and the seat goes to the
      // next on the waitlist (docs/design/activities.md, the confirm-by sweep).
      jobs.Add("activities.sweep", std::chrono::minutes(1), [&application]() -> Result<void> {
        app::SecureRandom random;
        app::ActivityService activities(application.db(), application.clock(), random,
                                        application.audit());
        ZJ_RETURN_IF_ERROR(activities.SweepLapsedOffers());
        return {};
      });
      // Reach (issue 22): a member's mark of an activity's check-in ends after a year.
      jobs.Add(
          "activities.reached_expiry", std::chrono::hours(1), [&application]() -> Result<void> {
            ZJ_RETURN_IF_ERROR(app::ExpireReached(application.db(), application.clock().NowMs()));
            return {};
          });
      // Training (issue 22): a certificate's holder is told in their inbox, once, from the
      // course's days before its expiry. Hourly, so a restart or a late start misses no day.
      jobs.Add(
          "training.expiry_reminders", std::chrono::hours(1), [&application]() -> Result<void> {
            app::SecureRandom random;
            ZJ_RETURN_IF_ERROR(
                app::RemindExpiringCertificates(application.db(), application.clock(), random));
            return {};
          });
      jobs.Add("coverage.served_expiry", std::chrono::hours(1), [&application]() -> Result<void> {
        ZJ_RETURN_IF_ERROR(app::ExpireServed(application.db(), application.clock().NowMs()));
        return {};
      });
      // A finished job's sealed files go when their time is up; uploads kept in plain text by
      // servers before the jobs go at once.
      if (auto removed = application.jobs().DeleteLegacyUploads(); !removed) {
        spdlog::warn("old uploads not removed: {}", removed.error().detail);
      }
      jobs.Add("jobs.expire_files", std::chrono::hours(1), [&application]() -> Result<void> {
        ZJ_RETURN_IF_ERROR(application.jobs().DeleteExpiredFiles());
        return {};
      });
      // The buffered log (server_log.h) reaches stderr within a second.
      jobs.Add("log.flush", std::chrono::seconds(1), []() -> Result<void> {
        spdlog::default_logger()->flush();
        return {};
      });
      http::Server server(application, o->server);
      if (auto bound = server.Bind(); !bound) return ReportError(bound.error());
      // Imports and large exports on threads of their own, after the periodic jobs' thread.
      app::JobRunner runner(application, o->runner);
      jobs.Start();
      runner.Start();
      server.Run([&] {
        const std::string& host = o->server.host;
        const std::string url = "http://" +
                                (host.find(':') != std::string::npos ? "[" + host + "]" : host) +
                                ":" + std::to_string(server.port());
        std::cout << i18n::Translate(CliLocale(), "cli.serve.listening",
                                     {{"version", ZHIJIA_VERSION}, {"url", url}})
                  << std::endl;
      });
      runner.Stop();  // a running import stops after its batch and resumes at the next start
      jobs.Stop();
      application.sign_in().OnSmsQueued(nullptr);  // the jobs go before the application
      return kExitOk;
    };
  });
}

}  // namespace zj::cli
