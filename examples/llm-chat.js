// LLM inference load: users chat with an OpenAI-compatible endpoint (the demo's /v1/chat/completions
// answers with 64 tokens, the first after 200 ms, then one every 20 ms), and thresholds hold the
// time to first token, the gap between tokens and the throughput. Point LLM_URL at your own server
// (vLLM, TGI, llama.cpp, Ollama's /v1, OpenAI) and set LLM_MODEL and LLM_API_KEY to test it.
// The test suite runs it on a shared 2-core machine with the JavaScript interpreter: it raises the
// time-to-first-token limit with TTFT_P95_MS.
// test-args: -u 4 -i 8 -e TTFT_P95_MS=60000
import llm from 'salvo/llm';
import { check, env, sleep } from 'salvo';

const url = env.LLM_URL || `${env.BASE_URL}/v1/chat/completions?ttft=200&itl=20`;

export const options = {
  vus: 10,
  duration: '1m',
  thresholds: {
    llm_time_to_first_token: [`p(95)<${env.TTFT_P95_MS || 800}`],
    llm_inter_token_latency: ['p(50)<40'],
    llm_tokens_per_second: ['avg>10'],
    sse_errors: ['count==0'],
  },
};

export default async function () {
  const r = await llm.chat(url, {
    model: env.LLM_MODEL || 'demo',
    messages: [
      { role: 'system', content: 'You are a terse assistant.' },
      { role: 'user', content: 'Say something about load testing.' },
    ],
    max_tokens: 64,
  }, { apiKey: env.LLM_API_KEY, tags: { name: 'chat' } });
  check(r, {
    'completed': (x) => x.error === '' && x.status === 200,
    'all 64 tokens': (x) => x.outputTokens === 64,
    'some text': (x) => x.text.length > 0,
  });
  await sleep(0.5);
}
