import { describe, expect, it } from 'vitest';
import { FixationSessions, MAX_FIXATION_SESSIONS } from './fixation-sessions';
import { formatGuessableId, guessNextIds, parseGuessableId } from './guessable-ids';

const t0 = 1_700_000_000_000;

describe('guessable lab ids (weak on purpose)', () => {
  it('are a counter and the second they were issued', () => {
    expect(formatGuessableId(42, t0 + 999)).toBe('sid-42-1700000000');
    expect(parseGuessableId('sid-42-1700000000')).toEqual({ counter: 42, issuedAtSeconds: 1_700_000_000 });
    expect(parseGuessableId('sid-42')).toBeNull();
  });

  it('let anyone holding one id list the next one among a handful of guesses', () => {
    const sessions = new FixationSessions(100);
    const attackersId = sessions.visit(t0);
    const victim = sessions.logIn(null, 'alice', t0 + 3_000);
    const guesses = guessNextIds(attackersId, t0 + 4_000);
    expect(guesses).toContain(victim.id);
    expect(guesses.length).toBeLessThanOrEqual(10);
    expect(guesses.find((guess) => sessions.userOf(guess, t0 + 4_000) !== null)).toBe(victim.id);
  });

  it('never guesses beyond the window, and nothing from garbage', () => {
    expect(guessNextIds('sid-1-0', 10_000_000_000, 1)).toHaveLength(121);
    expect(guessNextIds('not-an-id', t0)).toEqual([]);
  });
});

describe('the fixation lab login (weak on purpose)', () => {
  it('keeps a planted pre-login id, which the attacker then holds as the signed-in victim', () => {
    const sessions = new FixationSessions(0);
    const planted = sessions.visit(t0);
    expect(sessions.userOf(planted, t0)).toBeNull();
    expect(sessions.logIn(planted, 'alice', t0 + 1_000)).toEqual({ id: planted, kept: true });
    expect(sessions.userOf(planted, t0 + 2_000)).toBe('alice');
  });

  it('issues a new id when the presented one is unknown', () => {
    const sessions = new FixationSessions(0);
    const login = sessions.logIn('sid-999-1', 'alice', t0);
    expect(login.kept).toBe(false);
    expect(login.id).not.toBe('sid-999-1');
  });

  it('stays bounded in memory', () => {
    const sessions = new FixationSessions(0);
    const first = sessions.visit(t0);
    for (let i = 0; i < MAX_FIXATION_SESSIONS + 5; i++) sessions.visit(t0);
    expect(sessions.userOf(first, t0)).toBeNull();
    expect(sessions.logIn(first, 'alice', t0).kept).toBe(false);
  });
});
