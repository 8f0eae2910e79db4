package org.imisfhir.payment;

import org.imisfhir.app.ImisFhirApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One server node of {@link BatchRunNodesIT}, run in a JVM of its own so that the test can kill it. With the system
 * property {@value #HOLD_AFTER} = n, the batch run's chunks after the n-th are held just before they write (for
 * ever: the node is meant to be killed while they wait), so that the run stops midway at a known point.
 */
public final class BatchRunNode {

	static final String HOLD_AFTER = "imis.test.hold-chunks-after";

	private BatchRunNode() {}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(ImisFhirApplication.class, args);
		String holdAfter = System.getProperty(HOLD_AFTER);
		if (holdAfter != null) {
			int free = Integer.parseInt(holdAfter);
			AtomicInteger chunks = new AtomicInteger();
			context.getBean(RemunerateStep.class).beforeWrite(claims -> {
				if (chunks.incrementAndGet() > free) {
					System.out.println("BatchRunNode: holding the chunk of " + claims + " until this node is killed");
					holdForEver();
				}
			});
		}
	}

	private static void holdForEver() {
		while (true) {
			try {
				Thread.sleep(60_000);
			} catch (InterruptedException e) {
				// keep holding: only killing the node ends this chunk
			}
		}
	}
}
