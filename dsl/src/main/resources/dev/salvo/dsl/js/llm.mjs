// The 'salvo/llm' module: one streamed chat completion per call; Java reads the chunks and records the llm_* metrics.
import { streamParams } from 'salvo/sse';

const { host, guarded } = __salvoHost('@SALVO_BRIDGE_TOKEN@');

function resultOf(r) {
  const ttft = r.ttft();
  const tpot = r.tpot();
  return {
    status: r.status(), text: r.text(), outputTokens: r.outputTokens(), inputTokens: r.inputTokens(), chunks: r.chunks(),
    finishReason: r.finishReason() || '', error: r.error() || '', errorCode: r.errorCode(), body: r.body(),
    timings: { timeToFirstToken: ttft < 0 ? undefined : ttft, timePerOutputToken: tpot < 0 ? undefined : tpot, duration: r.duration() },
  };
}

// llm.chat(url, { model, messages, max_tokens, ... }, params): resolves with the completion, never rejects on a failed request.
export function chat(url, body, params) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TypeError('llm.chat(url, body, params): body must be the request object ({ model, messages, ... })');
  }
  const p = streamParams('llm.chat', url, Object.assign({}, params, { reconnect: false }), JSON.stringify(body));
  const headers = p.headers || [];
  if (!headers.some((h, i) => i % 2 === 0 && h.toLowerCase() === 'content-type')) headers.push('Content-Type', 'application/json');
  p.headers = headers;
  p.method = 'POST';
  return new Promise((resolve) => guarded(() => host.llmChat(p, (r) => resolve(resultOf(r)))));
}

export default { chat };
