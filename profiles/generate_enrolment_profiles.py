"""Writes the enrolment StructureDefinitions and SearchParameters (profiles/base/*.json).

python3 profiles/generate_enrolment_profiles.py
"""
import json
import os

from generate_registry_profiles import BASE, IG, IGVS, VS, OUT, header, write, simple_extension, complex_extension, extension_slices

SID = 'https://imis-fhir.org/fhir/sid/'


def search_parameter(sp_id, code, base, expression, description, type_='token', unique_of=None, target=None):
    sp = {'resourceType': 'SearchParameter', 'id': sp_id, 'url': 'https://imis-fhir.org/fhir/SearchParameter/' + sp_id,
          'version': '0.1.0', 'name': ''.join(w.capitalize() for w in sp_id.split('-')), 'status': 'active',
          'publisher': 'IMIS-FHIR', 'description': description}
    if unique_of:
        sp['extension'] = [{'url': 'http://hapifhir.io/fhir/StructureDefinition/sp-unique', 'valueBoolean': True}]
        sp.update({'code': sp_id, 'base': [base], 'type': 'composite', 'expression': base,
                   'component': [{'definition': 'https://imis-fhir.org/fhir/SearchParameter/' + unique_of, 'expression': base}]})
    else:
        sp.update({'code': code, 'base': [base], 'type': type_, 'expression': expression})
        if target:
            sp['target'] = target
    with open(os.path.join(OUT, f'SearchParameter-{sp_id}.json'), 'w') as f:
        json.dump(sp, f, indent=2, ensure_ascii=False)
        f.write('\n')


def main():
    complex_extension('insuree-status', 'InsureeStatus', 'Insuree status',
                      'Active, inactive or dead, with the reason and the date of the change (openIMIS status, '
                      'status_reason, status_date).', ['Patient'],
                      [('status', 'code', 1, None), ('reason', 'string', 0, None), ('date', 'date', 0, None)])
    simple_extension('first-service-point', 'FirstServicePoint', 'First point of service',
                     'The health facility the insuree chose as first point of service.', ['Patient'], 'Reference',
                     target='http://hl7.org/fhir/StructureDefinition/Organization')

    sd = header('imis-insuree', 'ImisInsuree', 'Insuree', 'resource', 'Patient',
                'http://hl7.org/fhir/StructureDefinition/Patient',
                'An insured person: insurance number (identifier system https://imis-fhir.org/fhir/sid/insurance-number), '
                'names, gender, birth date, family (patient-group-reference), head of family (patient-is-head), '
                'relationship to the head (contact.relationship), identity document, phone, e-mail, current village '
                '(address extension address-location-reference), profession, education, first point of service, '
                'card issued and status.')
    write(sd, [{'id': 'Patient', 'path': 'Patient'}]
          + extension_slices('Patient', [('isHead', IG + 'patient-is-head', 1, '1'),
                                          ('family', IG + 'patient-group-reference', 0, '1'),
                                          ('cardIssued', IG + 'patient-card-issued', 0, '1'),
                                          ('education', IG + 'patient-education-level', 0, '1'),
                                          ('profession', IG + 'patient-profession', 0, '1'),
                                          ('identification', IG + 'patient-identification', 0, '1'),
                                          ('status', BASE + 'insuree-status', 0, '1'),
                                          ('firstServicePoint', BASE + 'first-service-point', 0, '1')])
          + [{'id': 'Patient.identifier', 'path': 'Patient.identifier', 'min': 1,
              'short': 'Insurance number (CHFID) and other numbers',
              'definition': 'The insurance number (system https://imis-fhir.org/fhir/sid/insurance-number, type '
                            'openimis-identifiers#Code; a number taken over in a merge has use old) and any further '
                            'numbers: the national MPI number (the country\'s system, setting imis.programmes.mpi.system, '
                            'type v2-0203#NI, use official) and EMR numbers (each EMR its own system, type v2-0203#MR, '
                            'use secondary), linked with $link-identifier.',
              'slicing': {'discriminator': [{'type': 'value', 'path': 'system'}], 'rules': 'open',
                          'description': 'By system: the insurance number; MPI and EMR numbers are open slices'}},
             {'id': 'Patient.identifier.type', 'path': 'Patient.identifier.type',
              'short': 'openimis-identifiers#Code for the insurance number; v2-0203#NI (national MPI) or #MR (EMR) for linked numbers'},
             {'id': 'Patient.identifier:insuranceNumber', 'path': 'Patient.identifier', 'sliceName': 'insuranceNumber',
              'min': 0, 'max': '*', 'short': 'Insurance number (CHFID); former numbers from a merge with use old',
              'comment': 'Required; the enrolment rule refuses an insuree without one (reason insurance-number-missing).'},
             {'id': 'Patient.identifier:insuranceNumber.system', 'path': 'Patient.identifier.system', 'min': 1,
              'fixedUri': SID + 'insurance-number'},
             {'id': 'Patient.identifier:insuranceNumber.value', 'path': 'Patient.identifier.value', 'min': 1},
             {'id': 'Patient.gender', 'path': 'Patient.gender', 'min': 1},
             {'id': 'Patient.birthDate', 'path': 'Patient.birthDate', 'min': 1},
             {'id': 'Patient.contact.relationship', 'path': 'Patient.contact.relationship',
              'short': 'Relationship to the head of family',
              'binding': {'strength': 'extensible', 'valueSet': IGVS + 'patient-contact-relationship'}}])

    sd = header('imis-family', 'ImisFamily', 'Family (household)', 'resource', 'Group',
                'http://hl7.org/fhir/StructureDefinition/Group',
                'A family: identifier (system https://imis-fhir.org/fhir/sid/family-code, the head\'s insurance number), '
                'members (the insurees), village (group-address), poverty status, family type, confirmation number and type.')
    write(sd, [{'id': 'Group', 'path': 'Group'}]
          + extension_slices('Group', [('address', IG + 'group-address', 1, '1'),
                                        ('povertyStatus', IG + 'group-poverty-status', 0, '1'),
                                        ('familyType', IG + 'group-type', 0, '1'),
                                        ('confirmation', IG + 'group-confirmation', 0, '1')])
          + [{'id': 'Group.identifier', 'path': 'Group.identifier', 'min': 1},
             {'id': 'Group.type', 'path': 'Group.type', 'fixedCode': 'person'},
             {'id': 'Group.actual', 'path': 'Group.actual', 'fixedBoolean': True},
             {'id': 'Group.member', 'path': 'Group.member', 'min': 1},
             {'id': 'Group.member.entity', 'path': 'Group.member.entity',
              'type': [{'code': 'Reference', 'targetProfile': ['http://hl7.org/fhir/StructureDefinition/Patient']}]}])

    complex_extension('policy-details', 'PolicyDetails', 'Policy details',
                      'The openIMIS facts of a policy that Coverage has no element for: family, stage (N new, R renewal), '
                      'enrolment and effective dates, value, last date for payment, enrolment officer, and for a renewal its '
                      'warning flags (openIMIS: 1 product not valid on the renewal date, 2 no officer, 4 officer no longer '
                      'working on the renewal date).', ['Coverage'],
                      [('family', 'Reference', 1, 'http://hl7.org/fhir/StructureDefinition/Group'),
                       ('stage', 'code', 1, None), ('enrolDate', 'date', 1, None), ('effectiveDate', 'date', 0, None),
                       ('value', 'Money', 1, None), ('lastPaymentDate', 'date', 0, None),
                       ('officer', 'Reference', 0, None), ('renewalWarnings', 'integer', 0, None)])
    complex_extension('policy-member', 'PolicyMember', 'Member cover',
                      'One stretch of a member\'s own cover under the family policy (an openIMIS InsureePolicy row), '
                      'recorded where it differs from the policy\'s; dates left out follow the policy, both ends are '
                      'covered days. A member may have several: the effective date of a member who joined later (reason '
                      '"joined the family"); the expiry date of a member whose cover ended early: inactive or dead at the '
                      'status date (reason "status IN: ..." or "status DE: ..."), moved to another family ("moved to family '
                      '<code>") or removed ("removed from the family"); a further stretch from the date a member was made '
                      'active again ("status AC: ..."), the days in between staying uncovered. A member of the family '
                      'without one is covered as the policy; someone who left the family only as theirs say.',
                      ['Coverage'],
                      [('insuree', 'Reference', 1, 'http://hl7.org/fhir/StructureDefinition/Patient'),
                       ('effectiveDate', 'date', 0, None), ('expiryDate', 'date', 0, None), ('reason', 'string', 0, None)])
    sd = header('imis-policy', 'ImisPolicy', 'Policy', 'resource', 'Coverage',
                'http://hl7.org/fhir/StructureDefinition/Coverage',
                'A family\'s policy on a product: the head as policy holder, beneficiary and payor (as the openIMIS IG '
                'does), the product in class (type plan, value = product code), the insurance period in period, the exact '
                'openIMIS status (1 idle, 2 active, 4 suspended, 8 expired, 16 ready) in coverage-policy-status, and '
                'family, stage, dates and value in policy-details.')
    write(sd, [{'id': 'Coverage', 'path': 'Coverage'}]
          + extension_slices('Coverage', [('policyStatus', IG + 'coverage-policy-status', 1, '1'),
                                           ('details', BASE + 'policy-details', 1, '1'),
                                           ('member', BASE + 'policy-member', 0, '*')])
          + [{'id': 'Coverage.identifier', 'path': 'Coverage.identifier', 'min': 1},
             {'id': 'Coverage.policyHolder', 'path': 'Coverage.policyHolder', 'min': 1},
             {'id': 'Coverage.period', 'path': 'Coverage.period', 'min': 1},
             {'id': 'Coverage.class', 'path': 'Coverage.class', 'min': 1}])
    search_parameter('coverage-policy-key', 'policy-key', 'Coverage',
                     "Coverage.identifier.where(system='https://imis-fhir.org/fhir/sid/policy-key')",
                     'The key of a policy: family code, product code and enrolment date.')
    search_parameter('coverage-policy-key-unique', None, 'Coverage', None,
                     'One policy per family, product and enrolment date (HAPI unique combo search parameter).',
                     unique_of='coverage-policy-key')
    search_parameter('coverage-family', 'family', 'Coverage',
                     "Coverage.extension('https://imis-fhir.org/fhir/StructureDefinition/policy-details').extension('family').value",
                     'The family a policy covers.', type_='reference', target=['Group'])
    search_parameter('coverage-expiry', 'expiry', 'Coverage', 'Coverage.period.end',
                     'The expiry date of a policy (period.end): policies expiring in a period, e.g. expiry=ge2026-06-01&expiry=le2026-06-30.',
                     type_='date')
    search_parameter('coverage-product', 'product', 'Coverage', "Coverage.class.value",
                     'The code of the policy\'s product.', type_='token')
    search_parameter('coverage-policy-status', 'policy-status', 'Coverage',
                     "Coverage.extension('https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/coverage-policy-status').value",
                     'The exact openIMIS status of a policy (1, 2, 4, 8, 16).')

    complex_extension('contribution-details', 'ContributionDetails', 'Contribution details',
                      'How a contribution was paid (B bank, C cash, M mobile, F funding), an optional action '
                      '(enforce: activate although not fully paid; suspend) and the warnings the server recorded '
                      '(overpaid, enforced-below-value, balance-due).', ['PaymentNotice'],
                      [('payType', 'code', 1, None), ('action', 'code', 0, None), ('warning', 'code', 0, None)])
    sd = header('imis-contribution', 'ImisContribution', 'Contribution (premium)', 'resource', 'PaymentNotice',
                'http://hl7.org/fhir/StructureDefinition/PaymentNotice',
                'A contribution paid on a policy: the policy in request, the receipt number in identifier (system '
                'https://imis-fhir.org/fhir/sid/contribution-receipt, value <product code>|<receipt>, unique) and in '
                'payment.identifier, the pay date in paymentDate, the payer in payee, the scheme in recipient, the amount.')
    write(sd, [{'id': 'PaymentNotice', 'path': 'PaymentNotice'}]
          + extension_slices('PaymentNotice', [('details', BASE + 'contribution-details', 1, '1')])
          + [{'id': 'PaymentNotice.identifier', 'path': 'PaymentNotice.identifier', 'min': 1},
             {'id': 'PaymentNotice.request', 'path': 'PaymentNotice.request', 'min': 1,
              'type': [{'code': 'Reference', 'targetProfile': ['http://hl7.org/fhir/StructureDefinition/Coverage']}]},
             {'id': 'PaymentNotice.paymentDate', 'path': 'PaymentNotice.paymentDate', 'min': 1}])
    search_parameter('paymentnotice-receipt', 'receipt', 'PaymentNotice',
                     "PaymentNotice.identifier.where(system='https://imis-fhir.org/fhir/sid/contribution-receipt')",
                     'The receipt of a contribution, as <product code>|<receipt number>.')
    search_parameter('paymentnotice-receipt-unique', None, 'PaymentNotice', None,
                     'A receipt number is used once per product (HAPI unique combo search parameter).',
                     unique_of='paymentnotice-receipt')

    search_parameter('patient-insurance-number', 'insurance-number', 'Patient',
                     "Patient.identifier.where(system='https://imis-fhir.org/fhir/sid/insurance-number' and (use.empty() or use != 'old'))",
                     'The current insurance number (CHFID) of an insuree; a former number kept after a merge (use old) '
                     'is not. Clients search with identifier=, which finds both.')
    search_parameter('patient-insurance-number-unique', None, 'Patient', None,
                     'Insurance numbers are unique (HAPI unique combo search parameter).', unique_of='patient-insurance-number')
    search_parameter('patient-family', 'family-group', 'Patient',
                     "Patient.extension('https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/patient-group-reference').value",
                     'The family (Group) of an insuree.', type_='reference', target=['Group'])
    search_parameter('patient-village', 'village', 'Patient',
                     "Patient.address.extension('https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/address-location-reference').value",
                     'The current village of an insuree. Chain to reach the district: village.partof.partof=Location/<district>.',
                     type_='reference', target=['Location'])
    search_parameter('group-family-code', 'family-code', 'Group',
                     "Group.identifier.where(system='https://imis-fhir.org/fhir/sid/family-code')",
                     'The code of a family (its head\'s insurance number when it was registered).')
    search_parameter('group-family-code-unique', None, 'Group', None,
                     'Family codes are unique (HAPI unique combo search parameter).', unique_of='group-family-code')
    search_parameter('group-village', 'village', 'Group',
                     "Group.extension('https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/group-address').value.extension('https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/address-location-reference').value",
                     'The village of a family. Chain to reach the district: village.partof.partof=Location/<district>.',
                     type_='reference', target=['Location'])
    offline()


def offline():
    """Temporary numbers and the offline sync (decision 0027)."""
    from generate_claim_profiles import operation
    complex_extension('temporary-number-block', 'TemporaryNumberBlock', 'Temporary number block',
                      'A block of temporary insurance numbers allocated to an enrolment officer: the first and last '
                      'numbers, their sequences, and the device it is reserved to (none: any device of the officer).',
                      ['Basic'],
                      [('first', 'string', 1, None), ('last', 'string', 1, None), ('firstSequence', 'integer', 1, None),
                       ('lastSequence', 'integer', 1, None), ('device', 'string', 0, None)])
    sd = header('imis-temporary-number-block', 'ImisTemporaryNumberBlock', 'Block of temporary insurance numbers',
                'resource', 'Basic', 'http://hl7.org/fhir/StructureDefinition/Basic',
                'Temporary insurance numbers allocated to an enrolment officer (subject) for enrolment offline; the '
                f'first number is the identifier (system {SID}temporary-number-block, unique).')
    write(sd, [{'id': 'Basic', 'path': 'Basic'}]
          + extension_slices('Basic', [('block', BASE + 'temporary-number-block', 1, '1')])
          + [{'id': 'Basic.identifier', 'path': 'Basic.identifier', 'min': 1, 'short': 'First number of the block'},
             {'id': 'Basic.code', 'path': 'Basic.code',
              'patternCodeableConcept': {'coding': [{'system': 'https://imis-fhir.org/fhir/CodeSystem/basic-resource-type',
                                                     'code': 'temporary-number-block'}]}},
             {'id': 'Basic.subject', 'path': 'Basic.subject', 'min': 1,
              'type': [{'code': 'Reference', 'targetProfile': ['http://hl7.org/fhir/StructureDefinition/Practitioner']}]}])
    block = f"Basic.extension('{BASE}temporary-number-block')"
    search_parameter('temporary-block-number', 'temporary-block-number', 'Basic',
                     f"Basic.identifier.where(system='{SID}temporary-number-block')",
                     'The first number of a block of temporary numbers.')
    search_parameter('temporary-block-number-unique', None, 'Basic', None,
                     'Two blocks never start at the same number.', unique_of='temporary-block-number')
    search_parameter('temporary-block-first', 'temporary-block-first', 'Basic', block + ".extension('firstSequence').value",
                     'The sequence of the first number of a block of temporary numbers.', type_='number')
    search_parameter('temporary-block-last', 'temporary-block-last', 'Basic', block + ".extension('lastSequence').value",
                     'The sequence of the last number of a block of temporary numbers.', type_='number')
    search_parameter('patient-temporary-number', 'temporary-number', 'Patient',
                     f"Patient.identifier.where(system='{SID}temporary-insurance-number')",
                     'The temporary number an insuree was enrolled under offline (kept as an old identifier). Clients '
                     'search with identifier=.')
    search_parameter('patient-temporary-number-unique', None, 'Patient', None,
                     'A temporary number is carried by one insuree only.', unique_of='patient-temporary-number')
    search_parameter('group-offline-enrolment', 'offline-enrolment', 'Group',
                     f"Group.identifier.where(system='{SID}offline-enrolment')",
                     'The identifier an offline client gave the family it enrolled.')
    search_parameter('group-offline-enrolment-unique', None, 'Group', None,
                     'A family enrolled offline is received once.', unique_of='group-offline-enrolment')
    operation('Practitioner-allocate-temporary-numbers', 'allocate-temporary-numbers', 'Practitioner',
              'Allocates a block of temporary insurance numbers to an enrolment officer (optionally to one of their '
              'devices), to enrol families offline. The numbers follow the block allocated last, have the configured '
              'prefix (never valid as permanent numbers) and are stored as a Basic (imis-temporary-number-block).',
              False, True,
              [('count', 'in', 1, '1', 'How many numbers (1 to imis.enrolment.temporary-numbers.max-block).', 'integer'),
               ('device', 'in', 0, '1', 'The device the block is reserved to.', 'string'),
               ('block', 'out', 1, '1', 'The stored block.', 'Basic'),
               ('first', 'out', 1, '1', 'First number.', 'string'),
               ('last', 'out', 1, '1', 'Last number.', 'string'),
               ('count', 'out', 1, '1', 'How many numbers.', 'integer'),
               ('number', 'out', 1, '*', 'Every number of the block, in order.', 'string')])
    operation('Patient-change-status', 'change-status', 'Patient',
              'Sets an insuree active (AC), inactive (IN) or dead (DE) with a reason (required for IN and DE) and a '
              'date (default today). Inactive or dead ends the insuree\'s own cover on every policy of their family at '
              'that date (a policy-member extension with the expiry date on each Coverage), in one transaction: claims '
              'for care after it are rejected (no policy covering the insuree) and eligibility no longer lists it. '
              'Active again restores the cover so ended on the family\'s policies still running on the date, from that '
              'date (a further policy-member extension): the days in between stay uncovered.',
              False, True,
              [('status', 'in', 1, '1', 'AC, IN or DE.', 'code'),
               ('reason', 'in', 0, '1', 'Why (required for IN and DE).', 'string'),
               ('date', 'in', 0, '1', 'The date of the change (default today): for IN and DE the last day still '
                'covered, for AC the first day covered again.', 'date'),
               ('return', 'out', 1, '1', 'The insuree.', 'Patient')])
    operation('Group-sync', 'sync', 'Group',
              'Receives what an enrolment officer collected offline, as a batch Bundle: enrolments (POST Group/$enrol '
              'with the $enrol Parameters) and changes of insurees or families (PUT with If-Match). Each entry is '
              'processed on its own and answered in a batch-response Bundle in the same order: 201 created, 200 '
              'already received (an idempotent re-send: the same ids) or changed, 409 conflict (temporary or '
              'permanent number already used, the same person already insured, a family received differently, a '
              'stale version) or 422 refused, each with a coded outcome. Nothing is overwritten silently.',
              True, False,
              [('bundle', 'in', 1, '1', 'A batch Bundle of entries.', 'Bundle'),
               ('officer', 'in', 0, '1', 'The enrolment officer sending (Practitioner or PractitionerRole); an entry '
                'may name its own.', 'Reference'),
               ('device', 'in', 0, '1', 'The sending device.', 'string'),
               ('return', 'out', 1, '1', 'A batch-response Bundle: one entry per entry sent.', 'Bundle')])


if __name__ == '__main__':
    main()
