#ifndef CAMPANA_TESTS_SUPPORT_DEVICE_H_
#define CAMPANA_TESTS_SUPPORT_DEVICE_H_

// A device as the pages are: it keeps the documents it was sent, replaced by a
// Snapshot and patched by each Delta, and remembers (epoch, offset) to resume.
// Used by tests that drive a hub directly, without sockets.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include <campana/v1/wire.pb.h>

#include "app/session_sink.h"

namespace campana::testing {

namespace pb = ::campana::v1;

class Device : public app::SessionSink {
 public:
  void Send(app::SharedBytes frame, bool text) override {
    ASSERT_FALSE(text);
    pb::ServerMessage message;
    ASSERT_TRUE(message.ParseFromString(*frame))
        << "the hub sent bytes that are not a ServerMessage";
    received.push_back(message);
    Apply(message);
  }

  void Apply(const pb::ServerMessage& m) {
    switch (m.body_case()) {
      case pb::ServerMessage::kWelcome:
        welcomes++;
        epoch = m.welcome().epoch();
        if (m.welcome().participant_id() != 0)
          participant = m.welcome().participant_id();
        break;
      case pb::ServerMessage::kAck:
        acks.push_back(m.ack());
        if (m.ack().has_joined()) {
          participant = m.ack().joined().participant_id();
          token = m.ack().joined().resume_token();
        }
        break;
      case pb::ServerMessage::kRejection:
        rejections.push_back(m.rejection());
        break;
      case pb::ServerMessage::kSnapshot:
        ++snapshots;
        docs.clear();
        epoch = m.snapshot().epoch();
        offset = m.snapshot().offset();
        for (const pb::Doc& doc : m.snapshot().docs())
          docs[{doc.kind(), doc.id()}] = doc.SerializeAsString();
        break;
      case pb::ServerMessage::kDelta:
        ++deltas;
        EXPECT_EQ(m.delta().epoch(), epoch);
        EXPECT_GE(m.delta().offset(), offset) << "deltas never go back in time";
        offset = m.delta().offset();
        for (const pb::Patch& patch : m.delta().patches()) {
          if (patch.has_put()) {
            docs[{patch.put().kind(), patch.put().id()}] =
                patch.put().SerializeAsString();
          } else {
            docs.erase({patch.remove().kind(), patch.remove().id()});
          }
        }
        break;
      default:
        break;
    }
  }

  // "Participant/3 Timer/1 ..." for comparing views.
  std::string View() const {
    std::string out;
    for (const auto& [key, bytes] : docs) {
      pb::Doc doc;
      doc.ParseFromString(bytes);
      out += pb::DocKind_Name(key.first) + "/" + std::to_string(key.second) +
             " " + doc.ShortDebugString() + "\n";
    }
    return out;
  }

  bool Has(pb::DocKind kind, uint64_t id) const {
    return docs.contains({kind, id});
  }
  pb::Doc Get(pb::DocKind kind, uint64_t id) const {
    pb::Doc doc;
    doc.ParseFromString(docs.at({kind, id}));
    return doc;
  }

  std::vector<pb::ServerMessage> received;
  std::vector<pb::Ack> acks;
  std::vector<pb::Rejection> rejections;
  std::map<std::pair<int, uint64_t>, std::string> docs;
  std::string epoch;
  uint64_t offset = 0;
  uint32_t participant = 0;
  std::string token;
  int welcomes = 0;
  int snapshots = 0;
  int deltas = 0;
};

}  // namespace campana::testing

#endif  // CAMPANA_TESTS_SUPPORT_DEVICE_H_
