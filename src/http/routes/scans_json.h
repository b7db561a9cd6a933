// A batch of card scans in JSON, shared by the check-ins of activities and of training sessions:
// {scans: [{scan_id, token, scanned_at}]} read with every input bounded (the batch's size, each
// scan id's form, each token's length) as field errors scans.<i>.*, and one scan's answer.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "app/activities/check_ins.h"
#include "core/result.h"
#include "http/json_writer.h"

namespace zj::http {

std::vector<app::ScanIn> ReadScans(const nlohmann::json& body, Error& invalid);
void WriteScanAnswer(JsonWriter& w, const app::ScanAnswer& a);

}  // namespace zj::http
