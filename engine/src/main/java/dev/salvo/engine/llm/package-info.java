/**
 * LLM inference load over OpenAI-compatible streaming endpoints ({@code /v1/chat/completions} with
 * {@code stream: true}): {@link dev.salvo.engine.llm.LlmChat} sends one request through the VU's SSE
 * client, reads each {@code chat.completion.chunk} as it arrives, and records time to first token, the
 * gaps between tokens, time per output token, tokens per second and the token counts.
 */
package dev.salvo.engine.llm;
