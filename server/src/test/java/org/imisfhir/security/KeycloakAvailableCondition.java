package org.imisfhir.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the Keycloak suite only when {@code IMIS_TEST_KEYCLOAK_URL} names a Keycloak (.ci/run starts one),
 * waiting up to five minutes for its imis realm to answer; skips it with a message otherwise. With
 * {@code IMIS_TEST_KEYCLOAK_REQUIRED=true} a missing or silent Keycloak fails the run instead.
 */
public class KeycloakAvailableCondition implements ExecutionCondition {

	static final Duration WAIT = Duration.ofMinutes(5);

	private static Boolean ready;

	public static String keycloakUrl() {
		String url = System.getenv("IMIS_TEST_KEYCLOAK_URL");
		return url == null || url.isBlank() ? null : url.replaceAll("/+$", "");
	}

	public static String issuer() {
		return keycloakUrl() + "/realms/imis";
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		boolean required = "true".equalsIgnoreCase(System.getenv("IMIS_TEST_KEYCLOAK_REQUIRED"));
		if (keycloakUrl() == null) {
			if (required) {
				throw new IllegalStateException("IMIS_TEST_KEYCLOAK_REQUIRED=true but IMIS_TEST_KEYCLOAK_URL is not set");
			}
			System.err.println("*** Keycloak suite SKIPPED: IMIS_TEST_KEYCLOAK_URL is not set. "
					+ "Start one with '.ci/keycloak start DIR' and export IMIS_TEST_KEYCLOAK_URL=$(cat DIR/url) to run it. ***");
			return ConditionEvaluationResult.disabled("Keycloak suite skipped: IMIS_TEST_KEYCLOAK_URL is not set");
		}
		if (ready == null) {
			ready = waitForRealm();
		}
		if (ready) {
			return ConditionEvaluationResult.enabled("Keycloak answers at " + keycloakUrl());
		}
		if (required) {
			throw new IllegalStateException("Keycloak did not answer at " + issuer() + " within " + WAIT);
		}
		System.err.println("*** Keycloak suite SKIPPED: no Keycloak realm answered at " + issuer() + " within " + WAIT + " ***");
		return ConditionEvaluationResult.disabled("Keycloak suite skipped: no answer at " + issuer());
	}

	private static boolean waitForRealm() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
				.timeout(Duration.ofSeconds(10)).build();
		long started = System.nanoTime();
		long deadline = started + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					System.err.printf("Keycloak realm answered at %s after %.1f s of waiting%n", issuer(),
							(System.nanoTime() - started) / 1e9);
					return true;
				}
			} catch (Exception notYet) {
				// not listening yet
			}
			try {
				Thread.sleep(1000);
			} catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}
}
