/**
 * The embedded demo target ({@link dev.salvo.engine.demo.DemoServer}) that examples, tests and
 * {@code salvo demo} run against. Routing and handlers live in {@code internal}.
 */
package dev.salvo.engine.demo;
