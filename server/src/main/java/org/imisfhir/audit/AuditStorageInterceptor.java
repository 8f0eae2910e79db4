package org.imisfhir.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notes every resource about to be committed. During a request it joins the request's audit
 * ({@link AuditRequestInterceptor}); outside requests (scheduled jobs, the demo loader) the writes of one
 * database transaction become one record of the {@value AuditRecord#SYSTEM_USER} user, once committed.
 */
@Interceptor
public class AuditStorageInterceptor {

	/** The audit trail itself is not audited. */
	static final Set<String> NOT_AUDITED_TYPES = Set.of("AuditEvent", "Provenance");

	private final AuditTrail trail;

	public AuditStorageInterceptor(AuditTrail trail) {
		this.trail = trail;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		written(resource, "create");
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource oldResource, IBaseResource newResource) {
		written(newResource, "update");
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource) {
		written(resource, "delete");
	}

	private void written(IBaseResource resource, String interaction) {
		if (resource == null || NOT_AUDITED_TYPES.contains(resource.fhirType())) {
			return;
		}
		String reference = reference(resource);
		RequestAudit request = RequestAudit.current();
		if (request != null) {
			request.written(reference);
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			SystemWrites writes = (SystemWrites) TransactionSynchronizationManager.getResource(SystemWrites.class);
			if (writes == null) {
				writes = new SystemWrites();
				TransactionSynchronizationManager.bindResource(SystemWrites.class, writes);
				TransactionSynchronizationManager.registerSynchronization(writes);
			}
			writes.add(interaction, reference);
		} else {
			trail.record(systemRecord(interaction, List.of(reference)));
		}
	}

	static String reference(IBaseResource resource) {
		IIdType id = resource.getIdElement();
		String type = resource.fhirType();
		if (id == null || !id.hasIdPart()) {
			return type;
		}
		String versionless = type + "/" + id.getIdPart();
		return id.hasVersionIdPart() ? versionless + "/_history/" + id.getVersionIdPart() : versionless;
	}

	private static AuditRecord systemRecord(String interaction, List<String> entities) {
		return new AuditRecord(Instant.now(), AuditRecord.SYSTEM_USER, Set.of(), null, null, interaction, null, null,
				entities, 200, null);
	}

	/** The server's own writes in one transaction, recorded once it commits. */
	private final class SystemWrites implements TransactionSynchronization {
		private final List<String> entities = new ArrayList<>();
		private String interaction;

		void add(String kind, String reference) {
			interaction = interaction == null || interaction.equals(kind) ? kind : "transaction";
			entities.add(reference);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(SystemWrites.class);
			if (status == STATUS_COMMITTED && !entities.isEmpty()) {
				trail.record(systemRecord(interaction, entities));
			}
		}
	}
}
