# workerd config for worker.js, serving the package built into pkg/ by
# scripts/build. Paths are relative to this file. Run from the repo root:
#   node_modules/.bin/workerd serve examples/worker/config.capnp
# (--socket-addr http=127.0.0.1:PORT to use another port).
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .promptWorker) ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "main") ],
);

# The package's workerd entry under the bare name the worker imports; its
# own modules under the names its relative imports resolve to.
const promptWorker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "promptfence", esModule = embed "../../pkg/workerd.js"),
    (name = "api.js", esModule = embed "../../pkg/api.js"),
    (name = "sse.js", esModule = embed "../../pkg/sse.js"),
    (name = "types.js", esModule = embed "../../pkg/types.js"),
    (name = "wasm/promptfence.js", esModule = embed "../../pkg/wasm/promptfence.js"),
    (name = "promptfence_bg.wasm", wasm = embed "../../pkg/promptfence_bg.wasm"),
  ],
  compatibilityDate = "2025-09-01",
);
