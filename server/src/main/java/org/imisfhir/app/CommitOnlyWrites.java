package org.imisfhir.app;

import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.function.Supplier;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.springframework.stereotype.Component;

/**
 * Runs writes in one database transaction whose rows Hibernate saves once, at commit, instead of before every query
 * of every write: each such automatic flush checks every row loaded or written so far in the transaction, so a
 * transaction of n writes paid n² checks. Only for writes none of whose queries needs another write's unsaved rows.
 */
@Component
public class CommitOnlyWrites {

	private final IHapiTransactionService transactions;

	@PersistenceContext
	private EntityManager entityManager;

	public CommitOnlyWrites(IHapiTransactionService transactions) {
		this.transactions = transactions;
	}

	public <R> R run(Supplier<R> writes) {
		return transactions.withSystemRequest().execute(() -> {
			Session session = entityManager.unwrap(Session.class);
			FlushMode mode = session.getHibernateFlushMode();
			session.setHibernateFlushMode(FlushMode.COMMIT);
			try {
				return writes.get();
			} finally {
				session.setHibernateFlushMode(mode);
			}
		});
	}
}
