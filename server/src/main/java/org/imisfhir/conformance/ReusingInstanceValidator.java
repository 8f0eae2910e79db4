package org.imisfhir.conformance;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.util.XmlUtil;
import ca.uhn.fhir.validation.IValidationContext;
import ca.uhn.fhir.validation.ValidationOptions;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The JPA instance validator's checks, with the HL7 {@link InstanceValidator} kept between validations.
 *
 * <p>HAPI's {@link FhirInstanceValidator} builds a new {@code InstanceValidator} for every validation, and that
 * constructor reads the 1.5 MB OID registry of {@code org.hl7.fhir.utilities} and sets up a FHIRPath engine and
 * profile utilities: 15 to 40 ms per write, more than the validation itself. This module keeps a small pool of
 * built validators instead. A validator serves one validation at a time; before each use, everything a
 * validation leaves behind in it (warnings already given, canonical look-ups, codings and texts seen, the
 * session's objects) is cleared, so each validation starts as on a new validator and gives the same messages.
 * A validator is dropped after {@code maxUses} validations (a bound on anything this clearing does not cover)
 * and when {@link #invalidateCaches()} is called. Settings are those of the HAPI module it is built from
 * ({@link #like}), read when a validator is built.
 *
 * <p>When the HL7 validator in use does not have the fields this clearing relies on (another version), every
 * validation gets a new validator, exactly as HAPI does.
 */
public class ReusingInstanceValidator extends FhirInstanceValidator {

	private static final Logger log = LoggerFactory.getLogger(ReusingInstanceValidator.class);

	/** Private per-validation state of {@link InstanceValidator} that a reused validator must clear. */
	private static final List<Field> PRIVATE_STATE = privateState();

	private final int maxUses;
	private final int maxIdle;
	private final ConcurrentLinkedDeque<Pooled> idle = new ConcurrentLinkedDeque<>();
	private final AtomicInteger generation = new AtomicInteger();
	private final AtomicLong built = new AtomicLong();
	private final AtomicLong validations = new AtomicLong();

	/**
	 * @param maxUses validations served by one built validator before it is dropped (1: a new one every time)
	 * @param maxIdle built validators kept for the next validations (about the number of concurrent writers)
	 */
	public ReusingInstanceValidator(FhirInstanceValidator settingsFrom, int maxUses, int maxIdle) {
		super(settingsFrom.getValidationSupport());
		this.maxUses = Math.max(1, maxUses);
		this.maxIdle = Math.max(0, maxIdle);
		if (settingsFrom.getWorkerContext() != null) {
			setWrappedWorkerContext(settingsFrom.getValidationSupport(), settingsFrom.getWorkerContext());
		}
		setAnyExtensionsAllowed(settingsFrom.isAnyExtensionsAllowed());
		setBestPracticeWarningLevel(settingsFrom.getBestPracticeWarningLevel());
		setErrorForUnknownProfiles(settingsFrom.isErrorForUnknownProfiles());
		setNoTerminologyChecks(settingsFrom.isNoTerminologyChecks());
		setNoExtensibleWarnings(settingsFrom.isNoExtensibleWarnings());
		setNoBindingMsgSuppressed(settingsFrom.isNoBindingMsgSuppressed());
		setCustomExtensionDomains(List.copyOf(settingsFrom.getExtensionDomains()));
		setValidatorResourceFetcher(settingsFrom.getValidatorResourceFetcher());
		setValidatorPolicyAdvisor(settingsFrom.getValidatorPolicyAdvisor());
		setAssumeValidRestReferences(settingsFrom.isAssumeValidRestReferences());
		setAllowExamples(settingsFrom.isAllowExamples());
		setHostApplicationServices(settingsFrom.getHostApplicationServices());
	}

	/** A module with the settings of HAPI's instance validator module. */
	public static ReusingInstanceValidator like(FhirInstanceValidator settingsFrom, int maxUses, int maxIdle) {
		return new ReusingInstanceValidator(settingsFrom, maxUses, maxIdle);
	}

	/** Whether validators are kept between validations with the HL7 validator on the class path. */
	public static boolean reuseSupported() {
		return PRIVATE_STATE != null;
	}

	/** Validators built since start-up (for tests and diagnostics). */
	public long builtCount() {
		return built.get();
	}

	/** Validations done since start-up. */
	public long validationCount() {
		return validations.get();
	}

	@Override
	public void invalidateCaches() {
		generation.incrementAndGet();
		idle.clear();
		super.invalidateCaches();
	}

	@Override
	protected List<ValidationMessage> validate(IValidationContext<?> context) {
		validations.incrementAndGet();
		Pooled pooled = borrow();
		try {
			return validate(pooled.validator, provideWorkerContext(), context);
		} finally {
			giveBack(pooled);
		}
	}

	private Pooled borrow() {
		if (PRIVATE_STATE != null) {
			Pooled pooled;
			while ((pooled = idle.pollFirst()) != null) {
				if (pooled.generation == generation.get()) {
					pooled.uses++;
					pooled.validator.startAfresh();
					return pooled;
				}
			}
		}
		Pooled fresh = new Pooled(build(provideWorkerContext()), generation.get());
		fresh.uses = 1;
		return fresh;
	}

	private void giveBack(Pooled pooled) {
		if (PRIVATE_STATE != null && pooled.uses < maxUses && pooled.generation == generation.get()
				&& idle.size() < maxIdle) {
			idle.offerFirst(pooled);
		}
	}

	private ClearableInstanceValidator build(IWorkerContext workerContext) {
		built.incrementAndGet();
		IHostApplicationServices hostServices = Objects.requireNonNullElseGet(
				getHostApplicationServices(), FhirInstanceValidator.NullEvaluationContext::new);
		ClearableInstanceValidator v = new ClearableInstanceValidator(workerContext, hostServices);
		v.setAssumeValidRestReferences(isAssumeValidRestReferences());
		v.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
		v.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
		v.setResourceIdRule(IdStatus.OPTIONAL);
		v.setNoTerminologyChecks(isNoTerminologyChecks());
		v.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
		// Fixed to true by HAPI's validator wrapper as well (interaction with its unknown-code-system support).
		v.setUnknownCodeSystemsCauseErrors(true);
		v.getExtensionDomains().addAll(getExtensionDomains());
		v.setFetcher(getValidatorResourceFetcher());
		v.setPolicyAdvisor(getValidatorPolicyAdvisor());
		v.setNoExtensibleWarnings(isNoExtensibleWarnings());
		v.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
		v.setAllowExamples(isAllowExamples());
		v.setAllowXsiLocation(true);
		return v;
	}

	/** The steps of HAPI's validator wrapper around one {@code InstanceValidator.validate} call. */
	private List<ValidationMessage> validate(
			InstanceValidator v, IWorkerContext workerContext, IValidationContext<?> context) {
		List<ValidationMessage> messages = new ArrayList<>();
		List<StructureDefinition> profiles = new ArrayList<>();
		List<ValidationMessage> unknownProfiles = new ArrayList<>();
		for (String url : context.getOptions().getProfiles()) {
			addProfile(workerContext, profiles, url, unknownProfiles);
		}
		String input = context.getResourceAsString();
		EncodingEnum encoding = context.getResourceAsStringEncoding();
		InputStream stream = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
		if (encoding == EncodingEnum.XML) {
			Document document;
			try {
				document = XmlUtil.parseDocument(input);
			} catch (Exception e) {
				ValidationMessage m = new ValidationMessage();
				m.setLevel(ValidationMessage.IssueSeverity.FATAL);
				m.setMessage("Failed to parse input, it does not appear to be valid XML:" + e.getMessage());
				messages.add(m);
				return messages;
			}
			for (String url : xmlProfiles(document)) {
				addProfile(workerContext, profiles, url, unknownProfiles);
			}
			v.validate(null, messages, stream, Manager.FhirFormat.XML, profiles);
		} else if (encoding == EncodingEnum.JSON) {
			JsonObject json = JsonParser.parseString(input).getAsJsonObject();
			JsonObject meta = json.getAsJsonObject("meta");
			JsonElement declared = meta == null ? null : meta.get("profile");
			if (declared != null && declared.isJsonArray()) {
				for (JsonElement url : (JsonArray) declared) {
					addProfile(workerContext, profiles, url.getAsString(), unknownProfiles);
				}
			}
			ValidationOptions options = context.getOptions();
			v.validate(options.getAppContext(), messages, stream, Manager.FhirFormat.JSON, profiles);
		} else {
			throw new IllegalArgumentException("Unknown encoding: " + encoding);
		}
		if (profiles.isEmpty() && !unknownProfiles.isEmpty()) {
			messages.addAll(unknownProfiles);
		}
		List<ValidationMessage> kept = new ArrayList<>(messages.size());
		for (ValidationMessage m : messages) {
			String id = m.getMessageId();
			boolean dropped = id != null && (id.equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
					|| (id.equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
							&& m.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes")));
			if (dropped) {
				continue;
			}
			if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(id)
					|| I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(id)) {
				m.setLevel(isErrorForUnknownProfiles()
						? ValidationMessage.IssueSeverity.ERROR
						: ValidationMessage.IssueSeverity.WARNING);
			}
			kept.add(m);
		}
		return kept;
	}

	private static void addProfile(
			IWorkerContext workerContext, List<StructureDefinition> profiles, String url, List<ValidationMessage> unknown) {
		try {
			StructureDefinition profile = workerContext.fetchResource(StructureDefinition.class, url);
			if (profile != null) {
				profiles.add(profile);
			} else {
				ValidationMessage m = new ValidationMessage();
				m.setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN);
				m.setLevel(ValidationMessage.IssueSeverity.ERROR);
				m.setMessage("Invalid profile. Failed to retrieve profile with url=" + url);
				unknown.add(m);
			}
		} catch (FHIRException e) {
			log.debug("Failed to load profile: {}", url);
		}
	}

	private static List<String> xmlProfiles(Document document) {
		List<String> urls = new ArrayList<>();
		NodeList children = document.getChildNodes().item(0).getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i).getNodeName().equalsIgnoreCase("meta")) {
				NodeList meta = children.item(i).getChildNodes();
				for (int j = 0; j < meta.getLength(); j++) {
					if (meta.item(j).getNodeName().equalsIgnoreCase("profile")) {
						urls.add(meta.item(j).getAttributes().item(0).getNodeValue());
					}
				}
				break;
			}
		}
		return urls;
	}

	private static List<Field> privateState() {
		try {
			List<Field> fields = new ArrayList<>();
			for (String name : List.of("crLookups", "textsToCheck", "textsToCheckKeys", "codingObserver")) {
				Field field = InstanceValidator.class.getDeclaredField(name);
				field.setAccessible(true);
				fields.add(field);
			}
			Field codings = fields.get(3).getType().getDeclaredField("list");
			codings.setAccessible(true);
			fields.add(codings);
			return List.copyOf(fields);
		} catch (ReflectiveOperationException | RuntimeException e) {
			log.warn("Profile validation builds a new validator for every write: this HL7 validator version "
					+ "does not have the state a reused validator must clear ({})", e.toString());
			return null;
		}
	}

	private static final class Pooled {
		final ClearableInstanceValidator validator;
		final int generation;
		int uses;

		Pooled(ClearableInstanceValidator validator, int generation) {
			this.validator = validator;
			this.generation = generation;
		}
	}

	/** An {@link InstanceValidator} that can be brought back to its state after construction between validations. */
	static final class ClearableInstanceValidator extends InstanceValidator {

		ClearableInstanceValidator(IWorkerContext context, IHostApplicationServices hostServices) {
			super(context, hostServices, new XVerExtensionManagerOld(context), new ValidatorSession(),
					new ValidatorSettings());
		}

		/** Clears what one validation leaves behind; what {@code validate} resets itself is left to it. */
		void startAfresh() {
			statusWarnings.clear();
			trackedMessages.clear();
			messagesToRemove.clear();
			session.close();
			try {
				((Map<?, ?>) PRIVATE_STATE.get(0).get(this)).clear();
				((List<?>) PRIVATE_STATE.get(1).get(this)).clear();
				((Collection<?>) PRIVATE_STATE.get(2).get(this)).clear();
				((List<?>) PRIVATE_STATE.get(4).get(PRIVATE_STATE.get(3).get(this))).clear();
			} catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}
	}
}
