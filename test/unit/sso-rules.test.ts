import fc from 'fast-check';
import type { Role } from '../../src/db/store';
import {
  emailDomainAllowed,
  groupsOf,
  parseDomains,
  parseRoleMap,
  roleFromGroups,
  type RoleRule,
  groupsOverage,
} from '../../src/domain/sso';

const RULES: RoleRule[] = [
  { role: 'admin', group: 'drijfveer-admins' },
  { role: 'consultant', group: 'drijfveer-consultants' },
  { role: 'trainer', group: 'drijfveer-trainers' },
];

describe('The role mapping (OIDC_ROLE_MAP)', () => {
  test('When the map lists role:group pairs, then each becomes a rule; spaces are dropped and a group may hold colons', () => {
    expect(parseRoleMap(' admin : drijfveer-admins, trainer:urn:team:trainers ,')).toEqual({
      rules: [
        { role: 'admin', group: 'drijfveer-admins' },
        { role: 'trainer', group: 'urn:team:trainers' },
      ],
    });
    expect(parseRoleMap('')).toEqual({ rules: [] });
  });

  test.each([
    ['owner:drijfveer-owners', /"owner" is not a role/],
    ['admin', /not role:group/],
    ['admin:', /not role:group/],
    ['admin:g,trainer:g', /mapped more than once/],
  ])('When the map is "%s", then it is refused with a reason', (text, reason) => {
    const parsed = parseRoleMap(text);
    expect('error' in parsed && parsed.error).toMatch(reason);
  });

  test('When a user is in several mapped groups, then the strongest role wins: admin over trainer over consultant', () => {
    expect(roleFromGroups(['drijfveer-consultants', 'drijfveer-admins'], RULES, null)).toBe('admin');
    expect(roleFromGroups(['drijfveer-consultants', 'drijfveer-trainers'], RULES, null)).toBe('trainer');
    expect(roleFromGroups(['drijfveer-consultants'], RULES, 'admin')).toBe('consultant');
  });

  test('When no group is mapped, then the default role, and without one: none (refused)', () => {
    expect(roleFromGroups(['other'], RULES, 'trainer')).toBe('trainer');
    expect(roleFromGroups([], RULES, null)).toBeNull();
    // Exact comparison: a group name that only contains a mapped one is not it.
    expect(roleFromGroups(['drijfveer-admins-old', 'DRIJFVEER-ADMINS'], RULES, null)).toBeNull();
  });

  test("Property: the role is always one of the mapped roles of the user's groups, or the default", () => {
    const group = fc.constantFrom<string>('drijfveer-admins', 'drijfveer-consultants', 'drijfveer-trainers', 'x', 'y');
    fc.assert(
      fc.property(fc.array(group), fc.constantFrom<Role | null>('admin', 'trainer', 'consultant', null), (groups, fallback) => {
        const role = roleFromGroups(groups, RULES, fallback);
        const mapped = RULES.filter((r) => groups.includes(r.group)).map((r) => r.role);
        expect(mapped.length ? mapped.includes(role!) : role === fallback).toBe(true);
      }),
    );
  });

  test('When the groups claim is one string, or holds other things than strings, then only the strings count', () => {
    expect(groupsOf('drijfveer-admins')).toEqual(['drijfveer-admins']);
    expect(groupsOf(['a', 1, null, 'b'])).toEqual(['a', 'b']);
    expect(groupsOf(undefined)).toEqual([]);
    expect(groupsOf({ a: 1 })).toEqual([]);
  });
});

describe('Allowed e-mail domains (OIDC_ALLOWED_DOMAINS)', () => {
  test('When domains are listed with spaces, capitals, an "@" or twice, then they are cleaned up', () => {
    expect(parseDomains(' Example.NL, @example.com,example.nl,, ')).toEqual(['example.nl', 'example.com']);
  });

  test('When the address is in a listed domain (any capitals), then it is allowed; look-alikes and subdomains are not', () => {
    const domains = ['example.nl'];
    expect(emailDomainAllowed('anna@example.nl', domains)).toBe(true);
    expect(emailDomainAllowed('Anna@EXAMPLE.nl', domains)).toBe(true);
    expect(emailDomainAllowed('anna@example.nl.evil.com', domains)).toBe(false);
    expect(emailDomainAllowed('anna@evilexample.nl', domains)).toBe(false);
    expect(emailDomainAllowed('anna@mail.example.nl', domains)).toBe(false);
    expect(emailDomainAllowed('example.nl', domains)).toBe(false);
    expect(emailDomainAllowed('"a@example.nl"@evil.com', domains)).toBe(false);
  });

  test('Property: an address is allowed exactly when the part after its last "@" is a listed domain', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    fc.assert(
      fc.property(
        label,
        fc.array(label, { minLength: 1, maxLength: 3 }),
        fc.array(label, { minLength: 1, maxLength: 3 }),
        (local, a, b) => {
          const listed = `${a.join('.')}.nl`;
          const other = `${b.join('.')}.nl`;
          expect(emailDomainAllowed(`${local}@${listed}`, [listed])).toBe(true);
          expect(emailDomainAllowed(`${local}@${other}`, [listed])).toBe(other === listed);
        },
      ),
    );
  });
});

describe('groupsOverage', () => {
  const graph = { _claim_sources: { src1: { endpoint: 'https://graph.microsoft.com/v1.0/users/x/getMemberObjects' } } };
  test.each([
    ['the groups claim points at Graph (Entra ID overage)', true, { _claim_names: { groups: 'src1' }, ...graph }, 'groups'],
    ['hasgroups is true (implicit flow)', true, { hasgroups: true }, 'groups'],
    ['the groups are listed', false, { groups: ['a'], _claim_names: { groups: 'src1' } }, 'groups'],
    ['no groups at all (a provider without groups)', false, {}, 'groups'],
    [
      'the claim used is roles, and only groups overflowed',
      false,
      { roles: ['drijfveer-admins'], _claim_names: { groups: 'src1' } },
      'roles',
    ],
    ['the claim used is roles and it points elsewhere', true, { _claim_names: { roles: 'src1' } }, 'roles'],
    ['hasgroups with the roles claim', false, { hasgroups: true }, 'roles'],
  ])('When %s, then it is overage: %s', (_case, expected, claims, claim) => {
    expect(groupsOverage(claims as Record<string, unknown>, claim)).toBe(expected);
  });
});
