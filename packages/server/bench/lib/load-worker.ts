import { parentPort, workerData } from "node:worker_threads";
import { httpCaller, type ListLoadJob, runListLoad } from "./load.ts";

// Runs the HTTP clients of a list load on their own thread, so the clients' own work
// (fetch, JSON parsing) does not queue behind the server on the main event loop.

interface WorkerJob extends ListLoadJob {
  baseUrl: string;
}

const job = workerData as WorkerJob;
const result = await runListLoad(httpCaller(job.baseUrl), job);
parentPort?.postMessage(result);
