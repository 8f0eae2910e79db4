"""Writes the administration registers' StructureDefinitions (profiles/base/*.json).

The JSON files are the source of truth that the server installs; this script documents how they were
made and regenerates them after an edit here: python3 profiles/generate_registry_profiles.py
"""
import json
import os

BASE = 'https://imis-fhir.org/fhir/StructureDefinition/'
IG = 'https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/'
IGCS = 'https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/'
IGVS = 'https://openimis.github.io/openimis_fhir_r4_ig/ValueSet/'
VS = 'https://imis-fhir.org/fhir/ValueSet/'
OUT = os.path.join(os.path.dirname(__file__), 'base')


def header(sd_id, name, title, kind, type_, base, description, context=None):
    sd = {'resourceType': 'StructureDefinition', 'id': sd_id, 'url': BASE + sd_id, 'version': '0.1.0', 'name': name,
          'title': title, 'status': 'active', 'publisher': 'IMIS-FHIR', 'description': description,
          'fhirVersion': '4.0.1', 'kind': kind, 'abstract': False}
    if context:
        sd['context'] = [{'type': 'element', 'expression': c} for c in context]
    sd.update({'type': type_, 'baseDefinition': base, 'derivation': 'constraint'})
    return sd


def write(sd, elements):
    sd['differential'] = {'element': elements}
    with open(os.path.join(OUT, f"StructureDefinition-{sd['id']}.json"), 'w') as f:
        json.dump(sd, f, indent=2, ensure_ascii=False)
        f.write('\n')


def simple_extension(sd_id, name, title, description, context, value_type, binding=None, target=None):
    sd = header(sd_id, name, title, 'complex-type', 'Extension', 'http://hl7.org/fhir/StructureDefinition/Extension',
                description, context)
    value = {'id': 'Extension.value[x]', 'path': 'Extension.value[x]', 'min': 1, 'type': [{'code': value_type}]}
    if target:
        value['type'][0]['targetProfile'] = [target]
    if binding:
        value['binding'] = {'strength': 'required', 'valueSet': binding}
    write(sd, [{'id': 'Extension', 'path': 'Extension', 'short': title},
               {'id': 'Extension.extension', 'path': 'Extension.extension', 'max': '0'},
               {'id': 'Extension.url', 'path': 'Extension.url', 'fixedUri': BASE + sd_id},
               value])


def complex_extension(sd_id, name, title, description, context, parts):
    sd = header(sd_id, name, title, 'complex-type', 'Extension', 'http://hl7.org/fhir/StructureDefinition/Extension',
                description, context)
    elements = [{'id': 'Extension', 'path': 'Extension', 'short': title},
                {'id': 'Extension.extension', 'path': 'Extension.extension',
                 'slicing': {'discriminator': [{'type': 'value', 'path': 'url'}], 'rules': 'closed'}}]
    for part, value_type, min_, target in parts:
        p = f'Extension.extension:{part}'
        elements += [{'id': p, 'path': 'Extension.extension', 'sliceName': part, 'min': min_, 'max': '1'},
                     {'id': p + '.extension', 'path': 'Extension.extension.extension', 'max': '0'},
                     {'id': p + '.url', 'path': 'Extension.extension.url', 'fixedUri': part},
                     {'id': p + '.value[x]', 'path': 'Extension.extension.value[x]', 'min': 1,
                      'type': [dict({'code': value_type}, **({'targetProfile': [target]} if target else {}))]}]
    elements += [{'id': 'Extension.url', 'path': 'Extension.url', 'fixedUri': BASE + sd_id},
                 {'id': 'Extension.value[x]', 'path': 'Extension.value[x]', 'max': '0'}]
    write(sd, elements)


def extension_slices(path, slices):
    elements = [{'id': f'{path}.extension', 'path': f'{path}.extension',
                 'slicing': {'discriminator': [{'type': 'value', 'path': 'url'}], 'rules': 'open'}}]
    for name, url, min_, max_ in slices:
        elements.append({'id': f'{path}.extension:{name}', 'path': f'{path}.extension', 'sliceName': name,
                         'min': min_, 'max': max_, 'type': [{'code': 'Extension', 'profile': [url]}]})
    return elements


def org_type(path, code):
    return {'id': f'{path}.type', 'path': f'{path}.type', 'min': 1,
            'patternCodeableConcept': {'coding': [{'system': 'http://terminology.hl7.org/CodeSystem/organization-type', 'code': code}]}}


def main():
    simple_extension('hf-sub-level', 'HfSubLevel', 'Health facility sub-level',
                     'openIMIS HF sub-level: I integrated, N none, R reference.', ['Organization'], 'CodeableConcept',
                     binding=VS + 'hf-sub-level')
    simple_extension('hf-contract-period', 'HfContractPeriod', 'Health facility contract period',
                     'Start and end of the facility\'s contract with the scheme.', ['Organization'], 'Period')
    simple_extension('payer-type', 'PayerType', 'Payer type', 'Type of a payer of contributions.', ['Organization'],
                     'CodeableConcept', binding=VS + 'payer-type')
    complex_extension('hf-catchment', 'HfCatchment', 'Health facility catchment village',
                      'A village the facility serves and the share of its population it covers (percent).',
                      ['Organization'], [('village', 'Reference', 1, 'http://hl7.org/fhir/StructureDefinition/Location'),
                                         ('percentage', 'decimal', 1, None)])
    complex_extension('location-population', 'LocationPopulation', 'Population of a location',
                      'Male, female and other population and number of families (used by capitation).',
                      ['Location'], [('male', 'integer', 0, None), ('female', 'integer', 0, None),
                                     ('other', 'integer', 0, None), ('families', 'integer', 0, None)])

    sd = header('imis-location', 'ImisLocation', 'Administrative location (region, district, municipality, village)',
                'resource', 'Location', 'http://hl7.org/fhir/StructureDefinition/Location',
                'A level of the scheme\'s administrative tree: Region, District, Municipality/Ward or Village, '
                'with its code as identifier (system https://imis-fhir.org/fhir/sid/location-code) and its parent in partOf.')
    write(sd, [{'id': 'Location', 'path': 'Location'}]
          + extension_slices('Location', [('population', BASE + 'location-population', 0, '1')])
          + [{'id': 'Location.identifier', 'path': 'Location.identifier', 'short': 'Location code (openIMIS LocationCode)', 'min': 1},
             {'id': 'Location.name', 'path': 'Location.name', 'min': 1},
             {'id': 'Location.type', 'path': 'Location.type', 'short': 'Level: R Region, D District, W Municipality/Ward, V Village',
              'min': 1, 'max': '1', 'binding': {'strength': 'required', 'valueSet': IGVS + 'location-type'}}])

    sd = header('imis-health-facility', 'ImisHealthFacility', 'Health facility (FOSA)', 'resource', 'Organization',
                'http://hl7.org/fhir/StructureDefinition/Organization',
                'A health facility: code (system https://imis-fhir.org/fhir/sid/hf-code, at most 8 characters), name, '
                'level, sub-level, legal form, care type, district (address extension address-location-reference), '
                'contacts, accounting code (system https://imis-fhir.org/fhir/sid/hf-accounting-code), contract period '
                'and catchment villages.')
    write(sd, [{'id': 'Organization', 'path': 'Organization'}]
          + extension_slices('Organization', [('level', IG + 'organization-hf-level', 1, '1'),
                                               ('legalForm', IG + 'organization-hf-legal-form', 1, '1'),
                                               ('careType', IG + 'organization-hf-care-type', 1, '1'),
                                               ('subLevel', BASE + 'hf-sub-level', 0, '1'),
                                               ('contractPeriod', BASE + 'hf-contract-period', 0, '1'),
                                               ('catchment', BASE + 'hf-catchment', 0, '*')])
          + [{'id': 'Organization.identifier', 'path': 'Organization.identifier', 'min': 1},
             org_type('Organization', 'prov'),
             {'id': 'Organization.name', 'path': 'Organization.name', 'min': 1},
             {'id': 'Organization.address', 'path': 'Organization.address', 'min': 1,
              'short': 'Address; its extension address-location-reference names the district'}])

    sd = header('imis-payer', 'ImisPayer', 'Payer of contributions', 'resource', 'Organization',
                'http://hl7.org/fhir/StructureDefinition/Organization',
                'A payer (co-operative, donor, government, local authority, private organisation, other) with its code '
                '(system https://imis-fhir.org/fhir/sid/payer-code), name, type and location.')
    write(sd, [{'id': 'Organization', 'path': 'Organization'}]
          + extension_slices('Organization', [('payerType', BASE + 'payer-type', 1, '1')])
          + [{'id': 'Organization.identifier', 'path': 'Organization.identifier', 'min': 1},
             org_type('Organization', 'pay'),
             {'id': 'Organization.name', 'path': 'Organization.name', 'min': 1}])

    sd = header('imis-insurance-organization', 'ImisInsuranceOrganization', 'Insurance organisation (the scheme)',
                'resource', 'Organization', 'http://hl7.org/fhir/StructureDefinition/Organization',
                'The organisation running the scheme.')
    write(sd, [{'id': 'Organization', 'path': 'Organization'}, org_type('Organization', 'ins'),
               {'id': 'Organization.name', 'path': 'Organization.name', 'min': 1}])

    sd = header('imis-officer', 'ImisOfficer', 'Enrolment officer or claim administrator', 'resource', 'Practitioner',
                'http://hl7.org/fhir/StructureDefinition/Practitioner',
                'A person working for the scheme: code (system https://imis-fhir.org/fhir/sid/officer-code), names, '
                'birth date, phone, e-mail, qualification EO (enrolment officer) or CA (claim administrator).')
    write(sd, [{'id': 'Practitioner', 'path': 'Practitioner'},
               {'id': 'Practitioner.identifier', 'path': 'Practitioner.identifier', 'min': 1},
               {'id': 'Practitioner.name', 'path': 'Practitioner.name', 'min': 1},
               {'id': 'Practitioner.qualification', 'path': 'Practitioner.qualification', 'min': 1},
               {'id': 'Practitioner.qualification.code', 'path': 'Practitioner.qualification.code',
                'binding': {'strength': 'required', 'valueSet': IGVS + 'practitioner-qualification-type'}}])

    def role(sd_id, name, title, description, code, extra):
        sd = header(sd_id, name, title, 'resource', 'PractitionerRole',
                    'http://hl7.org/fhir/StructureDefinition/PractitionerRole', description)
        write(sd, [{'id': 'PractitionerRole', 'path': 'PractitionerRole'}] + extra
              + [{'id': 'PractitionerRole.practitioner', 'path': 'PractitionerRole.practitioner', 'min': 1},
                 {'id': 'PractitionerRole.code', 'path': 'PractitionerRole.code', 'min': 1,
                  'patternCodeableConcept': {'coding': [{'system': IGCS + 'practitioner-qualification-type', 'code': code}]}}])

    role('imis-enrolment-officer-role', 'ImisEnrolmentOfficerRole', 'Enrolment officer\'s assignment',
         'The villages an enrolment officer serves (location), the substitute officer (extension) and the date '
         'the officer works to (period.end).', 'EO',
         extension_slices('PractitionerRole', [('substitute', IG + 'practitioner-role-substitution-reference', 0, '1')]))
    role('imis-claim-administrator-role', 'ImisClaimAdministratorRole', 'Claim administrator\'s facility',
         'The health facility a claim administrator records claims for (organization).', 'CA',
         [{'id': 'PractitionerRole.organization', 'path': 'PractitionerRole.organization', 'min': 1}])


if __name__ == '__main__':
    main()
