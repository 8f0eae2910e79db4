package org.imisfhir.subscription;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A subscriber's system in the test JVM: a plain HTTP server (the JDK's) on a free port that records every
 * notification it receives. Each {@link Hook} is its own endpoint address; a hook can be told to answer the
 * first N notifications with 500, as a subscriber that is down would.
 */
public final class TestSubscriber {

	private static TestSubscriber shared;

	private final HttpServer server;
	private final Map<String, Hook> hooks = new ConcurrentHashMap<>();

	/** One notification as received. */
	public record Delivery(String method, String path, Map<String, List<String>> headers, String body, long receivedNanos, int answered) {

		public String header(String name) {
			for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
				if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
					return entry.getValue().get(0);
				}
			}
			return null;
		}
	}

	/** An endpoint: its address and what arrived there. */
	public final class Hook {
		private final String name;
		private final int failFirst;
		private final AtomicInteger attempts = new AtomicInteger();
		private final List<Delivery> received = new CopyOnWriteArrayList<>();

		private Hook(String name, int failFirst) {
			this.name = name;
			this.failFirst = failFirst;
		}

		public String url() {
			return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + name;
		}

		/** Every request, the refused ones included. */
		public List<Delivery> attempts() {
			return List.copyOf(received);
		}

		/** The requests answered with success. */
		public List<Delivery> delivered() {
			return received.stream().filter(d -> d.answered() < 300).toList();
		}

		/** Waits (polling, up to the timeout) until a successful delivery matches; fails the test otherwise. */
		public Delivery await(Predicate<Delivery> matching, Duration timeout) throws InterruptedException {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() < deadline) {
				for (Delivery delivery : delivered()) {
					if (matching.test(delivery)) {
						return delivery;
					}
				}
				Thread.sleep(50);
			}
			throw new AssertionError("No matching notification at " + url() + " within " + timeout + "; received: " + describe());
		}

		private String describe() {
			List<String> lines = new ArrayList<>();
			for (Delivery d : received) {
				lines.add(d.method() + " " + d.path() + " -> " + d.answered());
			}
			return lines.toString();
		}
	}

	private TestSubscriber() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook/", this::handle);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
	}

	/** One server for the whole test run. */
	public static synchronized TestSubscriber shared() {
		if (shared == null) {
			try {
				shared = new TestSubscriber();
			} catch (IOException e) {
				throw new IllegalStateException(e);
			}
		}
		return shared;
	}

	/** A new endpoint answering every notification with success. */
	public Hook hook() {
		return hook(0);
	}

	/** A new endpoint answering the first {@code failFirst} notifications with 500, the later ones with success. */
	public Hook hook(int failFirst) {
		String name = UUID.randomUUID().toString();
		Hook hook = new Hook(name, failFirst);
		hooks.put(name, hook);
		return hook;
	}

	private void handle(HttpExchange exchange) throws IOException {
		long now = System.nanoTime();
		String path = exchange.getRequestURI().getPath();
		String rest = path.substring("/hook/".length());
		String name = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Hook hook = hooks.get(name);
		int status;
		if (hook == null) {
			status = 404;
		} else {
			status = hook.attempts.incrementAndGet() <= hook.failFirst ? 500 : 200;
			hook.received.add(new Delivery(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body, now, status));
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	public static Duration patience() {
		return Duration.ofSeconds(30);
	}
}
