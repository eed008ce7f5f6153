// The one port also serves the pages, a health check and metrics, and nothing
// outside the web root.

#include <fstream>

#include "raw_socket.h"
#include "server_fixture.h"
#include "support/http_get.h"

namespace campana::testing {
namespace {

class HttpTest : public ServerFixture {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir.File("web/assets"));
    std::ofstream(dir.File("web/index.html"))
        << "<!doctype html><title>Campana</title>";
    std::ofstream(dir.File("web/assets/app-1234.js")) << "console.log('hola')";
    // What the build leaves beside a script: its brotli and gzip forms (the
    // server serves them as they are; these stand-ins only need to differ).
    std::ofstream(dir.File("web/assets/app-1234.js.br")) << "brotli bytes";
    std::ofstream(dir.File("web/assets/app-1234.js.gz")) << "gzip bytes";
    std::ofstream(dir.File("web/assets/plain-1234.css")) << "p{}";
    std::ofstream(dir.File("web/notes.db")) << "not for the public";
    ServerFixture::SetUp();
  }
};

TEST_F(HttpTest, HealthCheck) {
  HttpResponse r = HttpGet(server->port(), "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "ok\n");
}

TEST_F(HttpTest, PagesAreTheSinglePageAppWithAStrictPolicy) {
  for (const std::string& path :
       std::vector<std::string>{"/", "/j/" + code, "/screen/" + code,
                                "/console/" + code, "/report/" + code}) {
    HttpResponse r = HttpGet(server->port(), path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body, "<!doctype html><title>Campana</title>") << path;
    EXPECT_EQ(r.headers["content-type"], "text/html; charset=utf-8");
    EXPECT_NE(r.headers["content-security-policy"].find("default-src 'self'"),
              std::string::npos);
    EXPECT_EQ(r.headers["cache-control"], "no-cache");
  }
}

TEST_F(HttpTest, HashedAssetsAreCachedForever) {
  HttpResponse r = HttpGet(server->port(), "/assets/app-1234.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "console.log('hola')");
  EXPECT_EQ(r.headers["content-type"], "text/javascript; charset=utf-8");
  EXPECT_EQ(r.headers["cache-control"], "public, max-age=31536000, immutable");
}

TEST_F(HttpTest, PrecompressedFilesGoToBrowsersThatAcceptThem) {
  struct Case {
    std::string accept;
    std::string body;
    std::string encoding;  // Content-Encoding, or none
  };
  for (const Case& c : std::vector<Case>{
           {"gzip, deflate, br", "brotli bytes", "br"},
           {"gzip", "gzip bytes", "gzip"},
           {"br;q=0, gzip;q=0.8", "gzip bytes", "gzip"},
           {"*", "brotli bytes", "br"},
           {"*, br;q=0.0", "gzip bytes", "gzip"},
           {"identity", "console.log('hola')", ""},
           {"", "console.log('hola')", ""},
       }) {
    HttpResponse r = HttpGet(server->port(), "/assets/app-1234.js",
                             {{"Accept-Encoding", c.accept}});
    EXPECT_EQ(r.status, 200) << c.accept;
    EXPECT_EQ(r.body, c.body) << c.accept;
    EXPECT_EQ(r.headers.contains("content-encoding")
                  ? r.headers["content-encoding"]
                  : "",
              c.encoding)
        << c.accept;
    EXPECT_EQ(r.headers["vary"], "Accept-Encoding") << c.accept;
    EXPECT_EQ(r.headers["content-type"], "text/javascript; charset=utf-8");
    EXPECT_EQ(r.headers["content-length"], std::to_string(c.body.size()));
  }
  // Without a compressed form, the file as it is.
  HttpResponse css = HttpGet(server->port(), "/assets/plain-1234.css",
                             {{"Accept-Encoding", "br, gzip"}});
  EXPECT_EQ(css.body, "p{}");
  EXPECT_FALSE(css.headers.contains("content-encoding"));
  // The compressed files are not pages of their own.
  EXPECT_EQ(HttpGet(server->port(), "/assets/app-1234.js.br").status, 404);
}

TEST_F(HttpTest, NothingOutsideTheWebRoot) {
  for (const std::string path :
       {"/../campana.db", "/assets/../../etc/passwd", "/campana.db",
        "/%2e%2e/x", "/assets/missing.js", "/ws", "/notes.db"}) {
    EXPECT_EQ(HttpGet(server->port(), path).status, 404) << path;
  }
}

// A proxy in front routes a device by the workshop code in its WebSocket's
// path (deploy/haproxy/): /ws/CODE is a device's socket like /ws; other paths
// under /ws are not.
TEST_F(HttpTest, AWebSocketMayCarryTheWorkshopCodeInItsPath) {
  WsClient device(server->port());
  std::string error;
  ASSERT_TRUE(device.Connect(&error, "/ws/" + code)) << error;
  device.Send(HelloMessage(1, code, pb::ROLE_PARTICIPANT, ""));
  auto welcome = device.Reply(1);
  ASSERT_TRUE(welcome && welcome->has_welcome())
      << (welcome ? welcome->ShortDebugString() : "no reply");
  EXPECT_GT(JoinAs(device, "Ana"), 0u);

  const std::vector<std::string> refused = {
      "/ws/", "/ws/a/b", "/ws/x%20y", "/wsx", "/ws/" + std::string(33, 'A')};
  for (const std::string& path : refused) {
    RawSocket raw;
    ASSERT_TRUE(raw.Connect(server->port()));
    EXPECT_NE(raw.Upgrade(server->port(), "", path).find(" 404 "),
              std::string::npos)
        << path;
  }
}

TEST_F(HttpTest, MetricsInPrometheusFormat) {
  auto screen = Open(pb::ROLE_PROJECTOR);
  HttpResponse r = HttpGet(server->port(), "/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("campana_sessions_open 1"), std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("# TYPE campana_commits_total counter"),
            std::string::npos)
      << r.body;
}

}  // namespace
}  // namespace campana::testing
