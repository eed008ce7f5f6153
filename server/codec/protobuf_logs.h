#ifndef CAMPANA_CODEC_PROTOBUF_LOGS_H_
#define CAMPANA_CODEC_PROTOBUF_LOGS_H_

#include <string>

namespace campana::codec {

// libprotobuf writes to stderr on its own, before any of our limits: one line
// for every string with invalid UTF-8 in a frame a device sends, so a device
// could fill the server's log as fast as it sends frames. This routes those
// lines to `log` instead, at most one a second, each saying how many were
// dropped since the last. Call once at start-up; any thread may log.
void RouteProtobufLogs(void (*log)(const std::string& line));

}  // namespace campana::codec

#endif  // CAMPANA_CODEC_PROTOBUF_LOGS_H_
