package org.imisfhir.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects request latencies and reports throughput and percentiles; with {@code --server-pid} (a server on this
 * machine, Linux), also the CPU time the server process used, which is steadier than wall time on a shared machine.
 */
final class LatencyRecorder {

	/** The server's process id, or 0 when not given. */
	static long serverPid;

	private final List<Long> nanos = new ArrayList<>();
	private long started;
	private long finished;
	private double cpuStarted;
	private double cpuFinished;

	static void configure(String[] args) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals("--server-pid")) {
				serverPid = Long.parseLong(args[i + 1]);
			}
		}
	}

	void start() {
		started = System.nanoTime();
		cpuStarted = serverCpuSeconds();
	}

	void stop() {
		finished = System.nanoTime();
		cpuFinished = serverCpuSeconds();
	}

	/** User plus system CPU seconds of the server process (from /proc, 100 ticks a second), or -1. */
	static double serverCpuSeconds() {
		if (serverPid <= 0) {
			return -1;
		}
		try {
			String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		} catch (Exception e) {
			return -1;
		}
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
				percentileMillis(50), percentileMillis(95), percentileMillis(99), nanos.size())
				+ (cpuStarted >= 0 && cpuFinished >= 0 ? String.format(" | server CPU %.1f s", cpuFinished - cpuStarted) : "");
	}
}
