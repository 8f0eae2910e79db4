package org.imisfhir.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jakarta.persistence.EntityManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores audit records as AuditEvents, off the request thread: records wait in a bounded queue (a full queue
 * makes writers wait rather than lose records) and a single writer stores them in batches, one database
 * transaction per batch, through the DAO as the server itself (so no profile validation, no authorization,
 * and no audit of the audit). Records still queued when the server stops are written before it exits.
 */
public class AuditTrail implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
	private static final AuditRecord STOP = new AuditRecord(
			java.time.Instant.EPOCH, "", java.util.Set.of(), null, null, "stop", null, null, List.of(), 0, null);

	private final DaoRegistry daoRegistry;
	private final PlatformTransactionManager transactionManager;
	private final TransactionTemplate transactions;
	private final BlockingQueue<AuditRecord> queue;
	private final int batchSize;
	private final long flushIntervalMs;
	private final Thread writer;
	private final AtomicLong queued = new AtomicLong();
	private final AtomicLong written = new AtomicLong();
	private volatile boolean stopping;

	public AuditTrail(
			DaoRegistry daoRegistry, PlatformTransactionManager transactionManager, int queueCapacity, int batchSize,
			long flushIntervalMs) {
		this.daoRegistry = daoRegistry;
		this.transactionManager = transactionManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.queue = new LinkedBlockingQueue<>(queueCapacity);
		this.batchSize = batchSize;
		this.flushIntervalMs = flushIntervalMs;
		this.writer = new Thread(this::run, "imis-audit-writer");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/** Queues a record; waits while the queue is full. */
	public void record(AuditRecord record) {
		if (stopping) {
			store(List.of(record));
			return;
		}
		try {
			queue.put(record);
			queued.incrementAndGet();
		} catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			store(List.of(record));
		}
	}

	/** Waits until every record queued so far is stored (tests and shutdown), at most the given time. */
	public boolean flush(long timeoutMs) {
		long target = queued.get();
		long deadline = System.currentTimeMillis() + timeoutMs;
		while (written.get() < target) {
			if (System.currentTimeMillis() > deadline) {
				return false;
			}
			try {
				Thread.sleep(10);
			} catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	public long writtenCount() {
		return written.get();
	}

	private void run() {
		List<AuditRecord> batch = new ArrayList<>(batchSize);
		while (true) {
			try {
				AuditRecord first = queue.poll(flushIntervalMs, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				boolean stop = first == STOP;
				if (!stop) {
					batch.add(first);
				}
				while (!stop && batch.size() < batchSize) {
					AuditRecord next = queue.poll();
					if (next == null) {
						break;
					}
					if (next == STOP) {
						stop = true;
					} else {
						batch.add(next);
					}
				}
				if (!batch.isEmpty()) {
					store(batch);
					written.addAndGet(batch.size());
					batch.clear();
				}
				if (stop) {
					return;
				}
			} catch (InterruptedException interrupted) {
				return;
			} catch (RuntimeException failure) {
				// keep the writer alive; the batch is counted so that flush() does not wait for ever
				log.error("Could not store {} audit records", batch.size(), failure);
				written.addAndGet(batch.size());
				batch.clear();
			}
		}
	}

	/**
	 * Stores a batch in one transaction. When the store refuses it (a record naming a resource that was
	 * deleted, or whose write failed), each record is stored on its own, the refused ones with their
	 * resources named rather than referenced: no record is lost.
	 */
	private void store(List<AuditRecord> records) {
		IFhirResourceDao<AuditEvent> dao = daoRegistry.getResourceDao(AuditEvent.class);
		try {
			transactions.executeWithoutResult(status -> {
				saveAtCommitOnly();
				for (AuditRecord record : records) {
					dao.create(AuditEventMapper.toAuditEvent(record), new SystemRequestDetails());
				}
			});
		} catch (RuntimeException refused) {
			for (AuditRecord record : records) {
				try {
					transactions.executeWithoutResult(status ->
							dao.create(AuditEventMapper.toAuditEvent(record), new SystemRequestDetails()));
				} catch (RuntimeException referenceRefused) {
					log.debug("Audit record stored with its resources named, not referenced: {}", referenceRefused.getMessage());
					transactions.executeWithoutResult(status ->
							dao.create(AuditEventMapper.toAuditEvent(record, true), new SystemRequestDetails()));
				}
			}
		}
	}

	/**
	 * The events of a batch never refer to one another, so none needs another's unsaved rows: they are saved at
	 * commit, not before each of the queries that resolve their entity references (each such flush checks every
	 * row of the batch written so far, which made a batch of large events quadratic).
	 */
	private void saveAtCommitOnly() {
		if (transactionManager instanceof JpaTransactionManager jpa) {
			EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(jpa.getEntityManagerFactory());
			if (entityManager != null) {
				entityManager.unwrap(Session.class).setHibernateFlushMode(FlushMode.COMMIT);
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		stopping = true;
		queue.put(STOP);
		writer.join(30_000);
	}
}
