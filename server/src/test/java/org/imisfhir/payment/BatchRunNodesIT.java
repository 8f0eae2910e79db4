package org.imisfhir.payment;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PaymentReconciliation;
import org.hl7.fhir.r4.model.Task;
import org.imisfhir.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch run on several server nodes sharing one PostgreSQL database: each node is the real server (the test
 * profile: demo scheme, development sign-in, a random port, one claim per chunk) in a JVM of its own, on a database
 * made fresh for this class ({@code <IMIS_TEST_PG_URL's database>_nodes}).
 * <ol>
 * <li><b>Restart</b>: node A pays the first chunk of a run and holds the two others just before they write
 * ({@link BatchRunNode}); A is killed (SIGKILL: no shutdown, its connections drop). Batch2 alone would leave the run
 * in progress for ever, one claim paid (its chunks were queued in A's memory); node B, A restarted on the same
 * database and data directory, finds the run stalled ({@link BatchRunRecovery}), runs its unfinished chunks and
 * completes it: every claim paid once, the totals those of an uninterrupted run.</li>
 * <li><b>Two nodes</b>: B and C, running together, get the same {@code $batch-run} at the same moment: one run is
 * created (201), the other request is refused (409 {@code payment-run-exists}), one Batch2 job runs, once.</li>
 * </ol>
 * The figures are those of {@link BatchRunHttpTest} (claims A, B and C of {@link BatchRunScheme}). Skipped with a
 * message when no PostgreSQL server is reachable; {@code IMIS_TEST_PG_REQUIRED=true} makes that a failure. Nodes'
 * logs are kept under {@code target/batch-run-nodes/}.
 */
@ExtendWith(BatchRunNodesIT.PostgresServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchRunNodesIT {

	/**
	 * A run with no progress for this long has its unfinished chunks handed out again (imis.payment.stall-seconds).
	 * Node B takes longer than this to start, so the restart waits no longer for it; a live run never pauses so long.
	 */
	static final int STALL_SECONDS = 30;
	static final Duration START_TIMEOUT = Duration.ofMinutes(4);
	static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

	static final FhirContext FHIR = FhirContext.forR4Cached();
	static final Path WORK = Path.of("target", "batch-run-nodes").toAbsolutePath();
	static final Path DATA_A = WORK.resolve("data-a");
	static final Path DATA_C = WORK.resolve("data-c");

	static String databaseUrl;
	static Node nodeA;
	static Node nodeB;
	static Node nodeC;

	@BeforeAll
	static void freshDatabase() throws Exception {
		databaseUrl = PostgresServer.nodesDatabaseUrl();
		PostgresServer.recreate(databaseUrl);
		deleteRecursively(WORK);
		Files.createDirectories(WORK);
	}

	@AfterAll
	static void stopNodes() {
		for (Node node : new Node[] {nodeA, nodeB, nodeC}) {
			if (node != null) {
				node.stop();
			}
		}
	}

	@Test
	@Order(1)
	void aRunInterruptedByARestartIsResumedByTheNextNodeAndPaysEachClaimOnce() throws Exception {
		LocalDate today = LocalDate.now();
		nodeA = Node.start("a", DATA_A, true, 1).awaitReady();
		BatchRunScheme scheme = BatchRunScheme.create(nodeA.client());

		HttpResponse<String> started = nodeA.post("/fhir/$batch-run", scheme.runRequest(FHIR, today));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		String taskId = FHIR.newJsonParser().parseResource(Task.class, started.body()).getIdElement().getIdPart();

		// the first chunk commits, the two others are held just before writing: the run is a third done
		Task midway = nodeA.awaitTask(taskId, t -> "1".equals(BatchRuns.output(t, "claims-done")), RUN_TIMEOUT);
		assertThat(BatchRuns.output(midway, "claims-total")).isEqualTo("3");
		Thread.sleep(1_000);
		midway = nodeA.client().read().resource(Task.class).withId(taskId).execute();
		assertThat(midway.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
		assertThat(BatchRuns.output(midway, "claims-done")).isEqualTo("1");
		assertThat(nodeA.client().search().byUrl("Claim?batch-run=Task/" + taskId).returnBundle(Bundle.class).execute().getEntry())
				.hasSize(1);

		nodeA.kill();
		long restarted = System.nanoTime();
		copy(DATA_A, DATA_C);
		// B is A restarted: same database, same data directory (its Lucene index)
		nodeB = Node.start("b", DATA_A, false, null).awaitReady();
		nodeC = Node.start("c", DATA_C, false, null);   // for the next test; starts while B resumes the run

		Task done = nodeB.awaitTask(taskId, BatchRunNodesIT::ended, RUN_TIMEOUT);
		System.out.printf("BatchRunNodesIT: the run resumed on node B and ended %s %d s after node A was killed%n",
				done.getStatus().toCode(), Duration.ofNanos(System.nanoTime() - restarted).toSeconds());
		assertThat(done.getStatus()).as(statusReason(done)).isEqualTo(Task.TaskStatus.COMPLETED);
		assertThat(done.getStatusReason().getText()).startsWith("Resumed after " + STALL_SECONDS + " s without progress");
		assertThat(nodeB.logLines("Batch run Task/" + taskId + " (job ", "started again on this node")).isEqualTo(1);
		assertThat(Node.logLinesOfAllNodes("Batch run Task/" + taskId + " (job ", "started again on this node")).isEqualTo(1);
		assertPaidOnce(nodeB.client(), scheme, taskId, done, today);
	}

	@Test
	@Order(2)
	void theSameRunAskedOfTwoNodesAtOnceIsCreatedOnceAndRunOnce() throws Exception {
		LocalDate today = LocalDate.now();
		Assumptions.assumeTrue(nodeB != null && nodeC != null, "the nodes are started by the restart test");
		nodeB.awaitReady();
		nodeC.awaitReady();
		BatchRunScheme scheme = BatchRunScheme.create(nodeB.client());
		String request = scheme.runRequest(FHIR, today);

		CountDownLatch go = new CountDownLatch(1);
		CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> nodeB.postWhen(go, "/fhir/$batch-run", request));
		CompletableFuture<HttpResponse<String>> onC = CompletableFuture.supplyAsync(() -> nodeC.postWhen(go, "/fhir/$batch-run", request));
		go.countDown();
		List<HttpResponse<String>> answers = List.of(onB.get(), onC.get());

		List<HttpResponse<String>> created = answers.stream().filter(r -> r.statusCode() == 201).toList();
		List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() != 201).toList();
		assertThat(created).as(answers.get(0).body() + "\n" + answers.get(1).body()).hasSize(1);
		String taskId = FHIR.newJsonParser().parseResource(Task.class, created.get(0).body()).getIdElement().getIdPart();
		assertThat(refused.get(0).statusCode()).isEqualTo(409);
		assertThat(refused.get(0).body()).contains("payment-run-exists").contains(taskId);

		Task done = nodeC.awaitTask(taskId, BatchRunNodesIT::ended, RUN_TIMEOUT);
		assertThat(done.getStatus()).as(statusReason(done)).isEqualTo(Task.TaskStatus.COMPLETED);
		assertPaidOnce(nodeB.client(), scheme, taskId, done, today);

		// one Task holds the month's key, one Batch2 job was started for the region
		Bundle runs = nodeC.client().search().byUrl("Task?batch-run-key=" + BatchRuns.KEY_SYSTEM + "|"
				+ BatchRuns.key(today.getYear(), today.getMonthValue(), scheme.region())).returnBundle(Bundle.class).execute();
		assertThat(runs.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(taskId);
		assertThat(jobInstancesFor(scheme.region())).isEqualTo(1);
	}

	// ----- what an uninterrupted run of the scheme pays (BatchRunHttpTest's figures)

	private static void assertPaidOnce(IGenericClient client, BatchRunScheme scheme, String taskId, Task done, LocalDate today)
			throws IOException {
		assertThat(BatchRuns.output(done, "claims-total")).isEqualTo("3");
		assertThat(BatchRuns.output(done, "claims-done")).isEqualTo("3");
		assertThat(BatchRuns.output(done, "index")).isEqualTo(scheme.product() + " B " + scheme.expectedIndex(today).toPlainString());
		BigDecimal remA = scheme.remunerationA(today);
		BigDecimal remB = scheme.remunerationB(today);
		BigDecimal remC = scheme.remunerationC(today);
		BigDecimal capitation = scheme.capitation(today);
		List<BigDecimal> expected = List.of(remA, remB, remC);
		for (int i = 0; i < 3; i++) {
			String claimId = scheme.claims().get(i);
			Claim claim = client.read().resource(Claim.class).withId(claimId).execute();
			assertThat(BatchRunScheme.status(claim)).isEqualTo("16");
			assertThat(ProcessedClaim.batchRunOf(claim)).isEqualTo(taskId);
			ClaimResponse response = client.read().resource(ClaimResponse.class).withId("cr-" + claimId).execute();
			assertThat(BatchRunScheme.total(response, "remunerated")).as("claim " + claimId).isEqualByComparingTo(expected.get(i));
			// paid once: one version of the claim became valuated, one version of its response got remunerated
			assertThat(versions(client, "Claim/" + claimId).stream().map(r -> BatchRunScheme.status((Claim) r))
					.filter("16"::equals).count()).as("valuations of claim " + claimId).isEqualTo(1);
			assertThat(versions(client, "ClaimResponse/cr-" + claimId).stream()
					.filter(r -> ((ClaimResponse) r).getTotal().stream()
							.anyMatch(t -> "remunerated".equals(t.getCategory().getCodingFirstRep().getCode()))).count())
					.as("remunerations of claim " + claimId).isEqualTo(1);
		}
		PaymentReconciliation centre = client.read().resource(PaymentReconciliation.class)
				.withId(PaymentStatements.statementId(taskId, BatchRunScheme.HEALTH_CENTRE)).execute();
		Extension totals = centre.getExtensionByUrl(PaymentStatements.TOTALS);
		assertThat(totals.getExtensionByUrl("claims").getValue().primitiveValue()).isEqualTo("2");
		assertThat(money(totals, "claimed")).isEqualByComparingTo("18000.00");
		assertThat(money(totals, "approved")).isEqualByComparingTo("12800.00");
		assertThat(money(totals, "remunerated")).isEqualByComparingTo(remA.add(remB));
		PaymentReconciliation dispensary = client.read().resource(PaymentReconciliation.class)
				.withId(PaymentStatements.statementId(taskId, BatchRunScheme.DISPENSARY)).execute();
		assertThat(money(dispensary.getExtensionByUrl(PaymentStatements.TOTALS), "remunerated")).isEqualByComparingTo(remC);
		assertThat(money(dispensary.getExtensionByUrl(PaymentStatements.TOTALS), "capitation")).isEqualByComparingTo(capitation);
		assertThat(client.search().byUrl("PaymentReconciliation?request=Task/" + taskId).returnBundle(Bundle.class).execute()
				.getEntry()).hasSize(2);
		assertThat(((Money) done.getOutput().stream().filter(o -> "total".equals(o.getType().getCodingFirstRep().getCode()))
				.findFirst().orElseThrow().getValue()).getValue()).isEqualByComparingTo(remA.add(remB).add(remC).add(capitation));
		// the steps that run once per run (indexes, statements) ran once, on whichever node
		assertThat(Node.logLinesOfAllNodes("Batch run Task/" + taskId + ": ", "processed claim(s) in scope")).isEqualTo(1);
		assertThat(Node.logLinesOfAllNodes("Batch run Task/" + taskId + " completed", "")).isEqualTo(1);
	}

	private static List<org.hl7.fhir.instance.model.api.IBaseResource> versions(IGenericClient client, String id) {
		Bundle history = client.history().onInstance(id).returnBundle(Bundle.class).count(100).execute();
		List<org.hl7.fhir.instance.model.api.IBaseResource> versions = new ArrayList<>();
		history.getEntry().stream().filter(e -> e.getResource() != null).forEach(e -> versions.add(e.getResource()));
		return versions;
	}

	private static boolean ended(Task task) {
		return task.getStatus() == Task.TaskStatus.COMPLETED || task.getStatus() == Task.TaskStatus.FAILED
				|| task.getStatus() == Task.TaskStatus.CANCELLED;
	}

	private static String statusReason(Task task) {
		return task.getStatus().toCode() + " " + task.getStatusReason().getText();
	}

	private static BigDecimal money(Extension extension, String part) {
		return ((Money) extension.getExtensionByUrl(part).getValue()).getValue();
	}

	private static int jobInstancesFor(String region) throws SQLException {
		try (Connection connection = DriverManager.getConnection(databaseUrl, TestDatabase.pgUser(), TestDatabase.pgPassword());
				PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM bt2_job_instance WHERE definition_id = ?"
						+ " AND coalesce(params_json, params_json_vc, '') LIKE ?")) {
			query.setString(1, BatchRuns.JOB_ID);
			query.setString(2, "%\"location\":\"" + region + "\"%");
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		try (var paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				} else {
					Files.copy(path, target);
				}
			}
		}
	}

	private static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var paths = Files.walk(root)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	// ----- a server node in a JVM of its own

	static final class Node {

		private static final List<Node> STARTED = new ArrayList<>();

		final String name;
		final int port;
		final Process process;
		final Path log;
		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		private IGenericClient client;

		private Node(String name, int port, Process process, Path log) {
			this.name = name;
			this.port = port;
			this.process = process;
			this.log = log;
		}

		/**
		 * Starts a node on the class's database with its data directory (its own Lucene index, as the default
		 * configuration has: several nodes in production share an Elasticsearch instead, see docs/operations.md; the
		 * batch run searches nothing full-text). demo: load the demo scheme (the first node does, the database then
		 * has it); holdAfter: chunks the node lets write before holding the others (null: none).
		 */
		static Node start(String name, Path dataDir, boolean demo, Integer holdAfter) throws IOException {
			int port = freePort();
			Path log = WORK.resolve("node-" + name + ".log");
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.add("-Xmx1g");
			command.add("-XX:TieredStopAtLevel=1");
			command.add("-XX:+UseSerialGC");
			command.add("-Dfile.encoding=UTF-8");
			if (holdAfter != null) {
				command.add("-D" + BatchRunNode.HOLD_AFTER + "=" + holdAfter);
			}
			command.add("-cp");
			command.add(System.getProperty("java.class.path"));
			command.add(BatchRunNode.class.getName());
			command.add("--spring.profiles.active=test,pgtest");
			command.add("--server.port=" + port);
			command.add("--spring.datasource.url=" + databaseUrl);
			command.add("--spring.datasource.username=" + TestDatabase.pgUser());
			command.add("--spring.datasource.password=" + TestDatabase.pgPassword());
			command.add("--spring.datasource.hikari.maximum-pool-size=10");
			command.add("--imis.data-dir=" + dataDir);
			command.add("--imis.demo.enabled=" + demo);
			command.add("--spring.jpa.properties.hibernate.search.backend.directory.type=local-filesystem");
			command.add("--imis.payment.chunk-size=1");
			command.add("--imis.payment.stall-seconds=" + STALL_SECONDS);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			Node node = new Node(name, port, process, log);
			synchronized (STARTED) {
				STARTED.add(node);
			}
			System.out.println("BatchRunNodesIT: node " + name + " starting on port " + port + " (log " + log + ")");
			return node;
		}

		Node awaitReady() throws Exception {
			long until = System.nanoTime() + START_TIMEOUT.toNanos();
			long started = System.nanoTime();
			while (System.nanoTime() < until) {
				if (!process.isAlive()) {
					throw new IllegalStateException("node " + name + " stopped while starting:\n" + tail());
				}
				try {
					HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
							.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
					if (health.statusCode() == 200 && health.body().contains("UP")) {
						System.out.printf("BatchRunNodesIT: node %s ready in %d s%n", name, Duration.ofNanos(System.nanoTime() - started).toSeconds());
						return this;
					}
				} catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(1_000);
			}
			throw new IllegalStateException("node " + name + " not ready within " + START_TIMEOUT + ":\n" + tail());
		}

		IGenericClient client() {
			if (client == null) {
				FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
				FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
				client = FHIR.newRestfulGenericClient(base() + "/fhir");
			}
			return client;
		}

		HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/fhir+json")
					.POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(120)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> postWhen(CountDownLatch go, String path, String body) {
			try {
				go.await();
				return post(path, body);
			} catch (IOException | InterruptedException e) {
				throw new IllegalStateException(e);
			}
		}

		Task awaitTask(String taskId, Predicate<Task> condition, Duration timeout) throws Exception {
			long until = System.nanoTime() + timeout.toNanos();
			Task task = null;
			while (System.nanoTime() < until) {
				task = client().read().resource(Task.class).withId(taskId).execute();
				if (condition.test(task)) {
					return task;
				}
				Thread.sleep(500);
			}
			throw new AssertionError("Task/" + taskId + " on node " + name + " still " + (task == null ? "unread"
					: task.getStatus().toCode() + ", claims-done " + BatchRuns.output(task, "claims-done")) + " after " + timeout
					+ "\n" + tailOfAllNodes());
		}

		/** SIGKILL: no shutdown hook, no graceful stop, the database connections simply drop. */
		void kill() throws InterruptedException {
			process.destroyForcibly();
			process.waitFor();
			System.out.println("BatchRunNodesIT: node " + name + " killed");
		}

		void stop() {
			process.destroy();
			try {
				if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
				}
			} catch (InterruptedException e) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}

		private String base() {
			return "http://127.0.0.1:" + port;
		}

		String tail() {
			try {
				List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
				return "--- node " + name + " (" + log + ") ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
			} catch (IOException e) {
				return "--- node " + name + ": no log (" + e.getMessage() + ")";
			}
		}

		static String tailOfAllNodes() {
			synchronized (STARTED) {
				return String.join("\n", STARTED.stream().map(Node::tail).toList());
			}
		}

		/** Lines of this node's log containing both texts. */
		long logLines(String text, String andText) throws IOException {
			try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
				return lines.filter(l -> l.contains(text) && l.contains(andText)).count();
			}
		}

		/** Lines of every node's log containing both texts. */
		static long logLinesOfAllNodes(String text, String andText) throws IOException {
			long count = 0;
			synchronized (STARTED) {
				for (Node node : STARTED) {
					count += node.logLines(text, andText);
				}
			}
			return count;
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}
	}

	// ----- the database

	/**
	 * Runs the class only when a PostgreSQL server is reachable (IMIS_TEST_PG_URL / IMIS_TEST_PG_USER, see
	 * {@link TestDatabase}); skips it with a message otherwise, or fails when IMIS_TEST_PG_REQUIRED=true.
	 */
	static class PostgresServer implements ExecutionCondition {

		private static Boolean reachable;

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String url = nodesDatabaseUrl();
			if (reachable == null) {
				reachable = serverReachable(url);
				if (!reachable) {
					System.err.println("*** Batch-run nodes suite SKIPPED: no PostgreSQL reachable at " + TestDatabase.pgUrl()
							+ " (user " + TestDatabase.pgUser() + "). Set IMIS_TEST_PG_URL / IMIS_TEST_PG_USER to run it. ***");
				}
			}
			if (reachable) {
				return ConditionEvaluationResult.enabled("PostgreSQL reachable for " + url);
			}
			if ("true".equalsIgnoreCase(System.getenv("IMIS_TEST_PG_REQUIRED"))) {
				throw new IllegalStateException("PostgreSQL is required (IMIS_TEST_PG_REQUIRED=true) but not reachable at "
						+ TestDatabase.pgUrl());
			}
			return ConditionEvaluationResult.disabled("Batch-run nodes suite skipped: no PostgreSQL reachable at " + TestDatabase.pgUrl());
		}

		/** The test database's name with {@code _nodes} appended (as {@link TestDatabase#tokenSuitePgUrl()} does). */
		static String nodesDatabaseUrl() {
			String url = TestDatabase.pgUrl();
			int query = url.indexOf('?');
			return query < 0 ? url + "_nodes" : url.substring(0, query) + "_nodes" + url.substring(query);
		}

		private static String maintenanceUrl(String url) {
			return url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
		}

		private static String name(String url) {
			return url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
		}

		private static boolean serverReachable(String url) {
			try (Connection ignored = DriverManager.getConnection(maintenanceUrl(url), TestDatabase.pgUser(), TestDatabase.pgPassword())) {
				return true;
			} catch (SQLException e) {
				return false;
			}
		}

		/** Drops the database (left by an earlier run) and creates it empty. */
		static void recreate(String url) throws SQLException {
			String name = name(url);
			if (!name.matches("[A-Za-z0-9_]+")) {
				throw new IllegalArgumentException("unexpected database name " + name);
			}
			try (Connection connection = DriverManager.getConnection(maintenanceUrl(url), TestDatabase.pgUser(), TestDatabase.pgPassword());
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
				statement.execute("CREATE DATABASE " + name);
			}
		}
	}

	static {
		// a stray node must not outlive the test JVM
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			synchronized (Node.STARTED) {
				Node.STARTED.forEach(n -> n.process.destroyForcibly());
			}
		}));
	}
}
