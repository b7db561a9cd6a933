-- wrk script: a hotline operator registers a phoned-in service request (POST /api/v1/requests,
-- with the session cookie and CSRF token of $COOKIE and $CSRF). Zhijia answers 201 after the
-- request, its history entry and its counters are committed.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = os.getenv("COOKIE")
wrk.headers["X-CSRF-Token"] = os.getenv("CSRF")
wrk.body = '{"channel":"hotline","category":"consultation","title":"咨询年休假天数",' ..
  '"description":"来电咨询：入职三年，年休假应有几天？","contact_name":"李女士",' ..
  '"contact_phone":"13800138000","region_code":"110101001"}'
