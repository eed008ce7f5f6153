#include "app/session_sink.h"

namespace campana::app {

void SendFrame(SessionSink& sink, codec::Format format,
               const SharedBytes& frame) {
  if (format == codec::Format::kJson) {
    sink.Send(
        std::make_shared<const std::string>(codec::ServerMessageToJson(*frame)),
        /*text=*/true);
  } else {
    sink.Send(frame, /*text=*/false);
  }
}

}  // namespace campana::app
