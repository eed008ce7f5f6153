// The organizer API over real HTTP against the real binary and its SQLite
// file: workshops created from templates, listed, duplicated, closed and
// deleted with the organizer key, and nothing done without it.

#include <array>
#include <fstream>
#include <iterator>
#include <set>

#include <google/protobuf/util/json_util.h>

#include <campana/v1/organizer.pb.h>

#include "server_fixture.h"
#include "store/sqlite_db.h"
#include "support/http_get.h"

namespace campana::testing {
namespace {

constexpr const char* kOrganizerKey = "organizer-key-for-tests-0123456789";

template <class Message>
Message FromJson(const std::string& json) {
  Message m;
  const auto status = google::protobuf::util::JsonStringToMessage(json, &m);
  EXPECT_TRUE(status.ok()) << status.message() << " in " << json;
  return m;
}

// Rows that still name the workshop, in each table of the SQLite file.
int64_t RowsOf(const std::string& db_path, int64_t workshop_id) {
  store::Status status;
  auto db = store::SqliteDb::Open(db_path, &status);
  EXPECT_TRUE(status.ok) << status.message;
  int64_t rows = 0;
  for (const char* sql :
       {"SELECT COUNT(*) FROM workshops WHERE id = ?",
        "SELECT COUNT(*) FROM records WHERE workshop_id = ?",
        "SELECT COUNT(*) FROM snapshots WHERE workshop_id = ?"}) {
    store::Statement s = db->Prepare(sql);
    s.Bind(1, workshop_id);
    EXPECT_TRUE(s.Step());
    rows += s.ColumnInt(0);
  }
  return rows;
}

int64_t IdOf(const std::string& db_path, const std::string& code) {
  store::Status status;
  auto db = store::SqliteDb::Open(db_path, &status);
  store::Statement s = db->Prepare("SELECT id FROM workshops WHERE code = ?");
  s.BindText(1, code);
  return s.Step() ? s.ColumnInt(0) : 0;
}

class OrganizerTest : public ServerFixture {
 protected:
  std::vector<std::string> ExtraArgs() override {
    return {"--organizer-key", kOrganizerKey, "--templates",
            SourceDir() + "/deploy/templates"};
  }

  HttpResponse Api(const std::string& method, const std::string& target,
                   const std::string& body = "",
                   const std::string& key = kOrganizerKey) {
    std::map<std::string, std::string> headers;
    if (!key.empty()) headers["Authorization"] = "Bearer " + key;
    return HttpRequest(server->port(), method, target, headers, body);
  }

  pb::OrganizerOverview Overview() {
    HttpResponse r = Api("GET", "/api/workshops");
    EXPECT_EQ(r.status, 200) << r.body;
    return FromJson<pb::OrganizerOverview>(r.body);
  }

  // The Rejection a new phone gets when it joins `workshop`, or none.
  std::optional<pb::Rejection> JoinRefusal(const std::string& workshop) {
    WsClient phone(server->port());
    EXPECT_TRUE(phone.Connect());
    phone.Send(HelloMessage(1, workshop, pb::ROLE_PARTICIPANT, ""));
    auto welcome = phone.Reply(1);
    EXPECT_TRUE(welcome && welcome->has_welcome());
    pb::Command join;
    join.mutable_join()->set_display_name("Zoila");
    join.mutable_join()->set_presence(pb::PRESENCE_IN_ROOM);
    join.mutable_join()->set_join_key("join-key-of-Zoila");
    phone.Send(CommandMessage(2, join));
    auto reply = phone.Reply(2);
    EXPECT_TRUE(reply.has_value());
    if (reply && reply->has_rejection()) return reply->rejection();
    return std::nullopt;
  }
};

TEST_F(OrganizerTest, EveryRouteIsRefusedWithoutTheKeyAndNothingChanges) {
  const std::string create = R"({"template": "demo", "language": "es"})";
  const std::string del = R"({"confirmTitle": "x"})";
  const std::vector<std::array<std::string, 3>> routes = {
      {"GET", "/api/workshops", ""},
      {"POST", "/api/workshops", create},
      {"POST", "/api/workshops/upload", "{}"},
      {"POST", "/api/templates/check", "{}"},
      {"POST", "/api/workshops/" + code + "/duplicate", ""},
      {"POST", "/api/workshops/" + code + "/close", ""},
      {"GET", "/api/workshops/" + code + "/links", ""},
      {"DELETE", "/api/workshops/" + code, del},
      {"POST", "/api/workshops/" + code + "/next", "{}"},
      {"GET", "/api/workshops/" + code + "/series", ""},
      {"GET", "/api/no-such-thing", ""},
  };
  for (const auto& [method, target, body] : routes) {
    HttpResponse none = Api(method, target, body, "");
    EXPECT_EQ(none.status, 401) << method << " " << target;
    EXPECT_EQ(none.headers["www-authenticate"], "Bearer");
    EXPECT_EQ(FromJson<pb::ApiError>(none.body).code(), "unauthorized");
    HttpResponse wrong =
        Api(method, target, body, "organizer-key-for-tests-0123456788");
    EXPECT_EQ(wrong.status, 403) << method << " " << target;
    EXPECT_EQ(FromJson<pb::ApiError>(wrong.body).code(), "forbidden");
    // The facilitator's key is not the organizer's.
    EXPECT_EQ(Api(method, target, body, key).status, 403);
  }
  const pb::OrganizerOverview after = Overview();
  ASSERT_EQ(after.workshops_size(), 1);
  EXPECT_EQ(after.workshops(0).code(), code);
  EXPECT_EQ(after.workshops(0).status(), pb::WORKSHOP_STATUS_OPEN);
  EXPECT_FALSE(JoinRefusal(code).has_value()) << "the demo is still open";
}

// A programme over several workshops: the next one starts with the people of
// the one before, whose phones are them there; the organizer sees who came to
// what.
TEST_F(OrganizerTest, ASeriesCarriesItsPeopleAndShowsWhoCameToWhat) {
  auto desk = Open(pb::ROLE_FACILITATOR);
  auto ana_phone = Open(pb::ROLE_PARTICIPANT);
  pb::Command join;
  join.mutable_join()->set_display_name("Ana");
  join.mutable_join()->set_join_key("join-key-of-Ana");
  const pb::ServerMessage joined = RunCommand(*ana_phone, 2, join);
  ASSERT_TRUE(joined.has_ack());
  const uint32_t ana = joined.ack().joined().participant_id();
  const std::string ana_token = joined.ack().joined().resume_token();
  auto beto_phone = Open(pb::ROLE_PARTICIPANT);
  const uint32_t beto = JoinAs(*beto_phone, "Beto");
  pb::Command groups;
  groups.mutable_setup_groups()->set_mode(pb::SetupGroups::MODE_RANDOM);
  groups.mutable_setup_groups()->set_count(2);
  ASSERT_TRUE(RunCommand(*desk, 2, groups).has_ack());
  pb::Command first_item;
  first_item.mutable_goto_agenda_item()->set_index(0);
  ASSERT_TRUE(RunCommand(*desk, 3, first_item).has_ack());
  ASSERT_TRUE(desk->Until([&] {
    return desk->device.Has(pb::DOC_KIND_PARTICIPANT, ana) &&
           desk->device.Get(pb::DOC_KIND_PARTICIPANT, ana)
                   .participant()
                   .group() != 0;
  }));
  const uint32_t ana_group =
      desk->device.Get(pb::DOC_KIND_PARTICIPANT, ana).participant().group();
  beto_phone.reset();

  // The next session, with the same groups.
  HttpResponse r = Api("POST", "/api/workshops/" + code + "/next",
                       R"({"title": "Sesión 2", "keepGroups": true})");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto second = FromJson<pb::WorkshopCreatedReply>(r.body);
  const std::string next = second.workshop().code();
  EXPECT_EQ(second.workshop().title(), "Sesión 2");
  EXPECT_EQ(second.workshop().series(), code);
  EXPECT_EQ(second.workshop().previous(), code);
  EXPECT_EQ(second.workshop().participants(), 2u);

  // Ana's phone is Ana there, with its token from the first session, in her
  // group; the workshop says which one came before.
  WsClient phone(server->port());
  ASSERT_TRUE(phone.Connect());
  phone.Send(HelloMessage(1, next, pb::ROLE_PARTICIPANT, ana_token));
  const auto welcome = phone.Reply(1);
  ASSERT_TRUE(welcome && welcome->has_welcome())
      << (welcome ? welcome->ShortDebugString() : "no reply");
  EXPECT_EQ(welcome->welcome().participant_id(), ana);
  EXPECT_TRUE(phone.Until([&] {
    return phone.device.Has(pb::DOC_KIND_WORKSHOP, 0) &&
           phone.device.Get(pb::DOC_KIND_WORKSHOP, 0)
                   .workshop()
                   .previous_code() == code &&
           phone.device.Has(pb::DOC_KIND_PARTICIPANT, ana) &&
           phone.device.Get(pb::DOC_KIND_PARTICIPANT, ana)
                   .participant()
                   .group() == ana_group;
  }));
  auto next_desk = std::make_unique<WsClient>(server->port());
  ASSERT_TRUE(next_desk->Connect());
  next_desk->Send(
      HelloMessage(1, next, pb::ROLE_FACILITATOR, second.facilitator_key()));
  ASSERT_TRUE(next_desk->Reply(1).has_value());
  ASSERT_TRUE(RunCommand(*next_desk, 2, first_item).has_ack());

  // Who came to what: Ana to both, Beto to the first only.
  auto series = [&](const std::string& of) {
    HttpResponse answer = Api("GET", "/api/workshops/" + of + "/series");
    EXPECT_EQ(answer.status, 200) << answer.body;
    return FromJson<pb::SeriesAttendance>(answer.body);
  };
  ASSERT_TRUE(phone.Until([&] {
    const auto s = series(next);
    return s.people_size() == 2 && s.people(0).visits_size() == 2 &&
           s.people(0).visits(1).days_present_size() == 1;
  }));
  const pb::SeriesAttendance seen = series(code);
  EXPECT_EQ(seen.series(), code);
  ASSERT_EQ(seen.workshops_size(), 2);
  EXPECT_EQ(seen.workshops(0).code(), code);
  EXPECT_EQ(seen.workshops(1).code(), next);
  EXPECT_EQ(seen.workshops(0).present_per_day(0), 2u);
  EXPECT_EQ(seen.workshops(1).present_per_day(0), 1u);
  ASSERT_EQ(seen.people_size(), 2);
  EXPECT_EQ(seen.people(0).display_name(), "Ana");
  EXPECT_EQ(seen.people(1).display_name(), "Beto");
  ASSERT_EQ(seen.people(1).visits_size(), 2);
  EXPECT_EQ(seen.people(1).visits(0).days_present_size(), 1);
  EXPECT_EQ(seen.people(1).visits(1).days_present_size(), 0)
      << "on the second roster, never came";
  (void)beto;

  // A third from a template, without the groups: still the same series.
  r = Api("POST", "/api/workshops/" + next + "/next",
          R"({"template": "demo", "language": "en"})");
  ASSERT_EQ(r.status, 201) << r.body;
  const auto third = FromJson<pb::WorkshopCreatedReply>(r.body);
  EXPECT_EQ(third.workshop().series(), code);
  EXPECT_EQ(third.workshop().previous(), next);
  EXPECT_EQ(third.workshop().language(), "en");
  EXPECT_EQ(series(code).workshops_size(), 3);
  EXPECT_EQ(Api("POST", "/api/workshops/" + next + "/next",
                R"({"template": "nope", "language": "es"})")
                .status,
            400);
  EXPECT_EQ(Api("POST", "/api/workshops/ZZZZZZ/next", "{}").status, 404);
  EXPECT_EQ(Api("GET", "/api/workshops/ZZZZZZ/series").status, 404);
}

TEST_F(OrganizerTest, CreateListDuplicateCloseAndDelete) {
  const pb::OrganizerOverview first = Overview();
  ASSERT_EQ(first.workshops_size(), 1);  // the demo
  std::set<std::string> templates;
  for (const auto& t : first.templates())
    templates.insert(t.name() + "." + t.language());
  EXPECT_EQ(templates,
            (std::set<std::string>{"blank.en", "blank.es", "demo.en", "demo.es",
                                   "guatemala.en", "guatemala.es"}));

  HttpResponse created = Api("POST", "/api/workshops",
                             R"({"template": "guatemala", "language": "es"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto guatemala = FromJson<pb::WorkshopCreatedReply>(created.body);
  EXPECT_EQ(guatemala.workshop().agenda_items(), 32u);
  EXPECT_EQ(guatemala.workshop().language(), "es");
  EXPECT_EQ(guatemala.workshop().status(), pb::WORKSHOP_STATUS_OPEN);
  EXPECT_EQ(guatemala.facilitator_key().size(), 32u);
  const std::string gt = guatemala.workshop().code();
  // Its console opens with the key the organizer got.
  {
    WsClient console(server->port());
    ASSERT_TRUE(console.Connect());
    console.Send(
        HelloMessage(1, gt, pb::ROLE_FACILITATOR, guatemala.facilitator_key()));
    auto welcome = console.Reply(1);
    EXPECT_TRUE(welcome && welcome->has_welcome());
  }

  HttpResponse titled =
      Api("POST", "/api/workshops",
          R"({"template": "blank", "language": "en", "title": "Pilot"})");
  ASSERT_EQ(titled.status, 201) << titled.body;
  EXPECT_EQ(FromJson<pb::WorkshopCreatedReply>(titled.body).workshop().title(),
            "Pilot");
  EXPECT_EQ(Api("POST", "/api/workshops",
                R"({"template": "guatemala", "language": "fr"})")
                .status,
            400);
  EXPECT_EQ(Api("POST", "/api/workshops", R"({"templat": "demo"})").status,
            400);

  HttpResponse copy = Api("POST", "/api/workshops/" + gt + "/duplicate");
  ASSERT_EQ(copy.status, 201) << copy.body;
  const auto duplicate = FromJson<pb::WorkshopCreatedReply>(copy.body);
  EXPECT_NE(duplicate.workshop().code(), gt);
  EXPECT_EQ(duplicate.workshop().title(), guatemala.workshop().title());
  EXPECT_EQ(duplicate.workshop().agenda_items(), 32u);
  EXPECT_NE(duplicate.facilitator_key(), guatemala.facilitator_key());

  pb::OrganizerOverview listed = Overview();
  ASSERT_EQ(listed.workshops_size(), 4);
  EXPECT_EQ(listed.workshops(1).code(), gt);
  EXPECT_EQ(listed.workshops(3).code(), duplicate.workshop().code());

  // Closing: a new phone is refused; the report's data stays.
  HttpResponse closed = Api("POST", "/api/workshops/" + gt + "/close");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(FromJson<pb::WorkshopSummary>(closed.body).status(),
            pb::WORKSHOP_STATUS_CLOSED);
  auto refusal = JoinRefusal(gt);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->code(), pb::REJECTION_CODE_CLOSED);
  EXPECT_EQ(
      HttpGet(server->port(), "/api/workshops/" + gt + "/export",
              {{"Authorization", "Bearer " + guatemala.facilitator_key()}})
          .status,
      200);
  EXPECT_FALSE(JoinRefusal(duplicate.workshop().code()).has_value());

  // Deleting: a title that is not its own changes nothing.
  const std::string dup = duplicate.workshop().code();
  const int64_t dup_id = IdOf(dir.File("campana.db"), dup);
  ASSERT_NE(dup_id, 0);
  EXPECT_GT(RowsOf(dir.File("campana.db"), dup_id), 1);
  WsClient console(server->port());
  ASSERT_TRUE(console.Connect());
  console.Send(
      HelloMessage(1, dup, pb::ROLE_FACILITATOR, duplicate.facilitator_key()));
  ASSERT_TRUE(console.Reply(1).has_value());
  HttpResponse refused = Api("DELETE", "/api/workshops/" + dup,
                             R"({"confirmTitle": "Otro taller"})");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(FromJson<pb::ApiError>(refused.body).code(), "conflict");
  EXPECT_EQ(Overview().workshops_size(), 4);

  const std::string confirm =
      R"({"confirmTitle": ")" + duplicate.workshop().title() + R"("})";
  HttpResponse deleted = Api("DELETE", "/api/workshops/" + dup, confirm);
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_TRUE(console.WaitClosed().has_value())
      << "the deleted workshop's console is disconnected";
  listed = Overview();
  ASSERT_EQ(listed.workshops_size(), 3);
  for (const auto& w : listed.workshops()) EXPECT_NE(w.code(), dup);
  EXPECT_EQ(Api("GET", "/api/workshops/" + dup + "/links").status, 404);
  EXPECT_EQ(Api("DELETE", "/api/workshops/" + dup, confirm).status, 404);

  // Nothing of it is left in the database once the writer is through; the
  // server's FlushStore is not reachable from here, so stop it (a clean stop
  // flushes) and look.
  EXPECT_EQ(server->Stop(), 0);
  EXPECT_EQ(RowsOf(dir.File("campana.db"), dup_id), 0);
  EXPECT_GT(RowsOf(dir.File("campana.db"), IdOf(dir.File("campana.db"), gt)),
            1);

  // After a restart, closed is still closed (it is in the log) and deleted is
  // still gone.
  std::string error;
  ASSERT_TRUE(server->Start(&error)) << error;
  listed = Overview();
  ASSERT_EQ(listed.workshops_size(), 3);
  EXPECT_EQ(listed.workshops(1).status(), pb::WORKSHOP_STATUS_CLOSED);
  refusal = JoinRefusal(gt);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->code(), pb::REJECTION_CODE_CLOSED);
}

// An uploaded template gets every problem at once, each with its path, and
// makes nothing; a good one makes a workshop.
TEST_F(OrganizerTest, ATemplateWithThreeKindsOfMistakeGetsThreePreciseErrors) {
  const std::string bad = R"({"title": "Taller", "language": "es", "items": [
      {"title": "Grupos", "groups": {"count": "cuatro"}},
      {"title": "Reflexión", "question": {"prompt": "¿Qué aprendió?"},
       "timer": [{"name": "Escribir", "seconds": 300}]},
      {"title": "Escala", "poll": {"questions": [
        {"type": "POLL_QUESTION_TYPE_SCALAR", "prompt": "¿Cuánto?"}]}}]})";
  for (const std::string target :
       {"/api/templates/check", "/api/workshops/upload"}) {
    HttpResponse r = Api("POST", target, bad);
    std::string lines;
    google::protobuf::RepeatedPtrField<pb::TemplateProblem> problems;
    if (target == "/api/templates/check") {
      EXPECT_EQ(r.status, 200);
      problems = FromJson<pb::TemplateCheckReply>(r.body).problems();
    } else {
      EXPECT_EQ(r.status, 422);
      const auto error = FromJson<pb::ApiError>(r.body);
      EXPECT_EQ(error.code(), "invalid_template");
      EXPECT_EQ(error.message(), "the template has 3 problems");
      problems = error.problems();
    }
    for (const auto& p : problems)
      lines += p.path() + ": " + p.problem() + "\n";
    EXPECT_EQ(lines,
              "items[0].groups.count: should be a whole number from 0, not "
              "text \"cuatro\"\n"
              "items[1].timer: is not a field here (\"timers\"?)\n"
              "items[2].poll.questions[0].type: should be one of "
              "POLL_QUESTION_TYPE_SINGLE, POLL_QUESTION_TYPE_MULTIPLE, "
              "POLL_QUESTION_TYPE_SCALE, POLL_QUESTION_TYPE_LIKERT, "
              "POLL_QUESTION_TYPE_RECOMMEND, POLL_QUESTION_TYPE_OPEN, "
              "POLL_QUESTION_TYPE_WORDS, not text "
              "\"POLL_QUESTION_TYPE_SCALAR\"\n")
        << target;
  }
  EXPECT_EQ(Overview().workshops_size(), 1) << "nothing was made";

  HttpResponse good = Api(
      "POST", "/api/workshops/upload",
      R"({"title": "Subido", "language": "en", "items": [{"title": "Hi"}]})");
  ASSERT_EQ(good.status, 201) << good.body;
  EXPECT_EQ(FromJson<pb::WorkshopCreatedReply>(good.body).workshop().title(),
            "Subido");
  EXPECT_EQ(Overview().workshops_size(), 2);
}

TEST_F(OrganizerTest, TheShippedTemplatesUploadWhole) {
  // The two-day workshop is some 20 KB: far over what other requests carry.
  std::ifstream in(SourceDir() + "/deploy/templates/guatemala.en.json");
  const std::string json((std::istreambuf_iterator<char>(in)),
                         std::istreambuf_iterator<char>());
  ASSERT_GT(json.size(), 16'000u);
  HttpResponse checked = Api("POST", "/api/templates/check", json);
  EXPECT_EQ(checked.status, 200);
  EXPECT_EQ(FromJson<pb::TemplateCheckReply>(checked.body).problems_size(), 0);
  HttpResponse uploaded = Api("POST", "/api/workshops/upload", json);
  ASSERT_EQ(uploaded.status, 201) << uploaded.body;
  const auto reply = FromJson<pb::WorkshopCreatedReply>(uploaded.body);
  EXPECT_EQ(reply.workshop().agenda_items(), 32u);
  EXPECT_EQ(reply.workshop().language(), "en");
  EXPECT_GT(reply.workshop().created_at_ms(), 1'700'000'000'000);
}

TEST_F(OrganizerTest, ABodyOverTheLimitGets413AndTheServerGoesOn) {
  HttpResponse r =
      Api("POST", "/api/templates/check", std::string(1024 * 1024 + 1, ' '));
  EXPECT_EQ(r.status, 413);
  // Elsewhere a body is small: 4 KB.
  EXPECT_EQ(HttpRequest(server->port(), "POST", "/healthz", {},
                        std::string(5000, 'x'))
                .status,
            413);
  EXPECT_EQ(Overview().workshops_size(), 1);
}

// Without --organizer-key the server makes one, keeps it in the database
// across restarts, and makes a new one only when asked.
class KeptOrganizerKeyTest : public ServerFixture {};

std::string PrintedOrganizerKey(const std::string& out) {
  std::smatch match;
  if (!std::regex_search(
          out, match,
          std::regex(R"(Organizer page: +http://[^/]+/#key=([0-9a-f]+))")))
    return "";
  return match[1];
}

TEST_F(KeptOrganizerKeyTest, TheKeyIsKeptAcrossRestartsUntilRotated) {
  const std::string first = PrintedOrganizerKey(server->out());
  ASSERT_EQ(first.size(), 32u) << server->out();
  auto list = [&](const std::string& key) {
    return HttpGet(server->port(), "/api/workshops",
                   {{"Authorization", "Bearer " + key}})
        .status;
  };
  EXPECT_EQ(list(first), 200);
  EXPECT_EQ(server->Stop(), 0);
  std::string error;
  ASSERT_TRUE(server->Start(&error)) << error;
  EXPECT_EQ(list(first), 200) << "the same key after a restart";

  EXPECT_EQ(server->Stop(), 0);
  ServerProcess rotated({.binary = CampanaBinary(),
                         .db_path = dir.File("campana.db"),
                         .web_root = dir.File("web"),
                         .extra_args = {"--rotate-organizer-key"}});
  ASSERT_TRUE(rotated.Start(&error)) << error;
  const std::string second = PrintedOrganizerKey(rotated.out());
  ASSERT_EQ(second.size(), 32u) << rotated.out();
  EXPECT_NE(second, first);
  auto list_rotated = [&](const std::string& key) {
    return HttpGet(rotated.port(), "/api/workshops",
                   {{"Authorization", "Bearer " + key}})
        .status;
  };
  EXPECT_EQ(list_rotated(first), 403);
  EXPECT_EQ(list_rotated(second), 200);
}

}  // namespace
}  // namespace campana::testing
