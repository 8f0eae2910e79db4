package org.imisfhir.programme;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.UriParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.programme.rules.ProgrammeTerms;
import org.imisfhir.programme.rules.SensitivityLabels;

/**
 * The country programmes (PlanDefinition of profile imis-programme), read once and kept until a PlanDefinition
 * is written: their codes, the references that name them, and their rules towards each other.
 */
@Interceptor
public class Programmes {

	public static final String PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-programme";
	public static final String CODE_SYSTEM = "https://imis-fhir.org/fhir/sid/programme-code";
	public static final String PROGRAMME_EXTENSION = "https://imis-fhir.org/fhir/StructureDefinition/programme";
	public static final String RULES_EXTENSION = "https://imis-fhir.org/fhir/StructureDefinition/programme-rules";

	private final DaoRegistry daos;
	private volatile Known known;

	public Programmes(DaoRegistry daos) {
		this.daos = daos;
	}

	/** The programmes' rules by code. */
	public Map<String, ProgrammeTerms> terms() {
		return known().terms();
	}

	/** The code of the programme a reference ("PlanDefinition/x") names. */
	public Optional<String> codeOf(Reference reference) {
		if (reference == null || !reference.hasReference()) {
			return Optional.empty();
		}
		return Optional.ofNullable(known().codeById().get(reference.getReferenceElement().getIdPart()));
	}

	/** The labels of the sensitive programmes' data (extension programme-rules, sensitivityLabel). */
	public SensitivityLabels sensitivity() {
		return known().sensitivity();
	}

	/** The name (title) of the programme of a code. */
	public String titleOf(String code) {
		return known().titleByCode().getOrDefault(code, code);
	}

	/** The id of the programme of a code. */
	public Optional<String> idOf(String code) {
		return known().codeById().entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey).findFirst();
	}

	/** The codes of the programmes a resource names with the programme extension (products, facilities, claims). */
	public Set<String> namedBy(org.hl7.fhir.r4.model.DomainResource resource) {
		Set<String> codes = new HashSet<>();
		for (Extension extension : resource.getExtensionsByUrl(PROGRAMME_EXTENSION)) {
			if (extension.getValue() instanceof Reference reference) {
				codeOf(reference).ifPresent(codes::add);
			}
		}
		return codes;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		forget(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource oldResource, IBaseResource newResource) {
		forget(newResource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource) {
		forget(resource);
	}

	private void forget(IBaseResource resource) {
		if (resource instanceof PlanDefinition) {
			known = null;
		}
	}

	private Known known() {
		Known current = known;
		if (current == null) {
			current = load();
			known = current;
		}
		return current;
	}

	private Known load() {
		Map<String, String> codeById = new HashMap<>();
		Map<String, ProgrammeTerms> terms = new HashMap<>();
		Map<String, String> titleByCode = new HashMap<>();
		List<SensitivityLabels.SensitiveProgramme> sensitive = new ArrayList<>();
		SearchParameterMap programmes = SearchParameterMap.newSynchronous("_profile", new UriParam(PROFILE));
		for (IBaseResource found : daos.getResourceDao(PlanDefinition.class)
				.search(programmes, new SystemRequestDetails()).getAllResources()) {
			PlanDefinition programme = (PlanDefinition) found;
			String code = programme.getIdentifier().stream().filter(i -> CODE_SYSTEM.equals(i.getSystem()))
					.map(i -> i.getValue()).findFirst().orElse(null);
			if (code == null) {
				continue;
			}
			codeById.put(programme.getIdElement().getIdPart(), code);
			titleByCode.put(code, programme.hasTitle() ? programme.getTitle() : code);
			terms.put(code, termsOf(code, programme.getExtensionByUrl(RULES_EXTENSION)));
			sensitiveOf(code, programme.getExtensionByUrl(RULES_EXTENSION)).ifPresent(sensitive::add);
		}
		return new Known(Map.copyOf(codeById), Map.copyOf(terms), Map.copyOf(titleByCode), new SensitivityLabels(sensitive));
	}

	private static ProgrammeTerms termsOf(String code, Extension rules) {
		if (rules == null) {
			return ProgrammeTerms.plain(code);
		}
		Set<String> blocks = new HashSet<>();
		Set<String> idles = new HashSet<>();
		boolean voucher = false;
		for (Extension part : rules.getExtension()) {
			switch (part.getUrl()) {
				case "blocks" -> blocks.add(part.getValue().primitiveValue());
				case "idles" -> idles.add(part.getValue().primitiveValue());
				case "claimCodeIsVoucher" -> voucher = Boolean.parseBoolean(part.getValue().primitiveValue());
				default -> { }
			}
		}
		return new ProgrammeTerms(code, blocks, idles, voucher);
	}

	private static Optional<SensitivityLabels.SensitiveProgramme> sensitiveOf(String code, Extension rules) {
		if (rules == null || rules.getExtensionByUrl("sensitivityLabel") == null
				|| !(rules.getExtensionByUrl("sensitivityLabel").getValue() instanceof Coding label)) {
			return Optional.empty();
		}
		Set<String> systems = new HashSet<>();
		for (Extension part : rules.getExtensionsByUrl("sensitiveIdentifier")) {
			systems.add(part.getValue().primitiveValue());
		}
		return Optional.of(new SensitivityLabels.SensitiveProgramme(
				code, new SensitivityLabels.Label(label.getSystem(), label.getCode()), systems));
	}

	private record Known(Map<String, String> codeById, Map<String, ProgrammeTerms> terms, Map<String, String> titleByCode,
			SensitivityLabels sensitivity) {}
}
