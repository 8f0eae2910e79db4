package org.imisfhir.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Provenance;
import org.imisfhir.security.ImisUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a Provenance for every database transaction that changes money or eligibility (see
 * {@link ProvenanceActivity}), in that same transaction, just before it commits: either the change and its
 * Provenance are both stored, or neither. Every write passes through HAPI's storage hooks, so the enrolment,
 * contribution, claim, batch-run and voucher code need not know about it. Registered on HAPI's
 * storage-wide interceptor service.
 */
@Interceptor
public class ProvenanceRecorder {

	private static final Logger log = LoggerFactory.getLogger(ProvenanceRecorder.class);

	/** The audit trail itself, and the conformance and terminology loads, are not provenance targets. */
	static final Set<String> NOT_TRACKED_TYPES = Set.of("AuditEvent", "Provenance");
	/** Where HAPI keeps an operation's parsed Parameters (OperationParameter.REQUEST_CONTENTS_USERDATA_KEY). */
	static final String OPERATION_PARAMETERS = OperationParam.class.getName() + "_PARSED_RESOURCE";
	/** Parameters that carry the reason of a change ($set-voucher-status, $return, $review). */
	static final Set<String> REASON_PARAMETERS = Set.of("reason", "justification");

	private final DaoRegistry daoRegistry;

	private final EntityManager entityManager;

	public ProvenanceRecorder(DaoRegistry daoRegistry, EntityManager entityManager) {
		this.daoRegistry = daoRegistry;
		this.entityManager = entityManager;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		written(resource, false);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource oldResource, IBaseResource newResource) {
		written(newResource, false);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource) {
		written(resource, true);
	}

	private void written(IBaseResource resource, boolean deleted) {
		if (resource == null || NOT_TRACKED_TYPES.contains(resource.fhirType())
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		Changes changes = (Changes) TransactionSynchronizationManager.getResource(Changes.class);
		if (changes == null) {
			changes = new Changes(RequestAudit.current());
			TransactionSynchronizationManager.bindResource(Changes.class, changes);
			TransactionSynchronizationManager.registerSynchronization(changes);
		}
		changes.add(resource, deleted);
	}

	private void store(Changes changes) {
		RequestAudit request = changes.request;
		String operation = request == null ? null : request.operation;
		Optional<ProvenanceActivity> activity = ProvenanceActivity.of(operation, request == null, changes.types);
		if (activity.isEmpty()) {
			return;
		}
		ImisUser user = request == null ? null : request.user;
		ProvenanceRecord record = new ProvenanceRecord(
				Instant.now(),
				request == null ? AuditRecord.SYSTEM_USER : user == null ? "anonymous" : user.username(),
				user == null ? Set.of() : user.roles(),
				user == null ? null : user.clientId(),
				activity.get(),
				operation,
				new ArrayList<>(changes.written.values()),
				new ArrayList<>(changes.deleted),
				request == null ? null : reason(request.requestDetails));
		// The Provenance names every resource the transaction wrote, and storing it resolves each target with a
		// query. Left to Hibernate, each of those queries first dirty-checks every entity of the transaction
		// (hundreds in a batch-run chunk), which made the Provenance cost more than the writes themselves. One
		// flush puts the transaction's writes in the database; the targets are then resolved without re-flushing.
		Session session = entityManager.unwrap(Session.class);
		session.flush();
		FlushMode mode = session.getHibernateFlushMode();
		session.setHibernateFlushMode(FlushMode.COMMIT);
		try {
			daoRegistry.getResourceDao(Provenance.class)
					.create(ProvenanceMapper.toProvenance(record), new SystemRequestDetails());
		} finally {
			session.setHibernateFlushMode(mode);
		}
		log.debug("Provenance {} for {} resources", record.activity().code(), record.targets().size());
	}

	/** The reason given with an operation (a top-level parameter {@code reason} or {@code justification}). */
	static String reason(RequestDetails request) {
		if (request == null) {
			return null;
		}
		Object parsed = request.getUserData().get(OPERATION_PARAMETERS);
		if (!(parsed instanceof Parameters) && request.getResource() instanceof Parameters) {
			parsed = request.getResource();
		}
		if (parsed instanceof Parameters parameters) {
			for (Parameters.ParametersParameterComponent parameter : parameters.getParameter()) {
				if (REASON_PARAMETERS.contains(parameter.getName()) && parameter.getValue() != null
						&& parameter.getValue().isPrimitive()) {
					return parameter.getValue().primitiveValue();
				}
			}
		}
		String[] query = request.getParameters() == null ? null : request.getParameters().get("reason");
		return query == null || query.length == 0 ? null : query[0];
	}

	/** What one database transaction wrote; its Provenance is stored just before it commits. */
	private final class Changes implements TransactionSynchronization {
		private final RequestAudit request;
		private final Map<String, String> written = new LinkedHashMap<>();
		private final Set<String> deleted = new LinkedHashSet<>();
		private final Set<String> types = new LinkedHashSet<>();

		Changes(RequestAudit request) {
			this.request = request;
		}

		void add(IBaseResource resource, boolean isDeleted) {
			types.add(resource.fhirType());
			String versioned = AuditStorageInterceptor.reference(resource);
			String versionless = resource.getIdElement().hasIdPart()
					? resource.fhirType() + "/" + resource.getIdElement().getIdPart()
					: versioned;
			if (isDeleted) {
				written.remove(versionless);
				deleted.add(versionless);
			} else {
				written.put(versionless, versioned); // the last version written in the transaction
			}
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			if (!readOnly) {
				store(this);
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(Changes.class);
		}
	}
}
