package dev.salvo.engine.plan;

import dev.salvo.engine.exec.Executor;

import java.time.Duration;
import java.util.Map;

/** One scenario of a plan: its executor, when it starts, which exported function its VUs run. */
public record Scenario(String name, Executor executor, Duration startTime, String exec,
                       Map<String, String> env, Map<String, String> tags) {}
