package org.imisfhir.payment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.registry.RegistryProfiles;

/** Where the capitation's weights come from: a family's village and size, a village's population and families. */
class CapitationPlaces {

	static final String POPULATION = RegistryProfiles.BASE + "location-population";
	static final String GROUP_ADDRESS = RegistryProfiles.IG + "group-address";

	private final DaoRegistry daos;

	CapitationPlaces(DaoRegistry daos) {
		this.daos = daos;
	}

	/** The village of a family and its number of members. */
	public record FamilyPlace(String village, int members) {}

	public FamilyPlace family(String familyId) {
		try {
			Group family = daos.getResourceDao(Group.class).read(new IdType("Group", familyId), new SystemRequestDetails());
			String village = null;
			Extension address = family.getExtensionByUrl(GROUP_ADDRESS);
			if (address != null && address.getValue() instanceof org.hl7.fhir.r4.model.Address value) {
				Extension location = value.getExtensionByUrl(RegistryProfiles.ADDRESS_LOCATION);
				if (location != null && location.getValue() instanceof Reference reference) {
					village = reference.getReferenceElement().getIdPart();
				}
			}
			int members = family.hasQuantity() ? family.getQuantity() : family.getMember().size();
			return new FamilyPlace(village, members);
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return new FamilyPlace(null, 0);
		}
	}

	/** Population and families of a village (location-population), zero when not recorded. */
	public BigDecimal[] population(String villageId) {
		try {
			Location village = daos.getResourceDao(Location.class).read(new IdType("Location", villageId), new SystemRequestDetails());
			Extension population = village.getExtensionByUrl(POPULATION);
			BigDecimal people = BigDecimal.ZERO;
			BigDecimal families = BigDecimal.ZERO;
			if (population != null) {
				for (Extension part : population.getExtension()) {
					if (part.getValue() == null || part.getValue().primitiveValue() == null) {
						continue;
					}
					BigDecimal value = new BigDecimal(part.getValue().primitiveValue());
					if ("families".equals(part.getUrl())) {
						families = families.add(value);
					} else {
						people = people.add(value);
					}
				}
			}
			return new BigDecimal[] {people, families};
		} catch (ResourceNotFoundException | ResourceGoneException e) {
			return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
		}
	}
}
