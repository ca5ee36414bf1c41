package dev.salvo.engine.llm;

/**
 * One chat completion as {@code llm.chat} returns it: the text, the output tokens (the server's
 * {@code usage.completion_tokens} when it sent one, else the content chunks counted) and input tokens
 * ({@code usage.prompt_tokens}, 0 when unknown), the chunks that carried text, the finish reason, and its
 * times in ms from the request's start (its intended start in open models): time to first token (-1: no
 * token came), the whole request, the mean time per output token after the first (-1: under two tokens).
 * {@code error} is null and {@code errorCode} 0 when it succeeded; {@code body} is the server's answer
 * when it was no event stream (an error message, most often).
 */
public record LlmResult(int status, String text, long outputTokens, long inputTokens, long chunks, String finishReason,
                        double ttftMs, double durationMs, double tpotMs, String error, int errorCode, String body) {}
