package org.imisfhir.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects request latencies and reports throughput and percentiles. */
final class LatencyRecorder {

	private final List<Long> nanos = new ArrayList<>();
	private long started;
	private long finished;

	void start() {
		started = System.nanoTime();
	}

	void stop() {
		finished = System.nanoTime();
	}

	void record(long elapsedNanos) {
		nanos.add(elapsedNanos);
	}

	double percentileMillis(double percentile) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000.0;
	}

	int count() {
		return nanos.size();
	}

	double totalSeconds() {
		return (finished - started) / 1_000_000_000.0;
	}

	String summary(String scenario, int resources) {
		return String.format(
				"%-34s %7d resources in %7.2f s = %8.1f resources/s | per request p50 %7.1f ms p95 %7.1f ms p99 %7.1f ms (%d requests)",
				scenario, resources, totalSeconds(), resources / totalSeconds(),
				percentileMillis(50), percentileMillis(95), percentileMillis(99), nanos.size());
	}
}
