// Jest with testEnvironment 'jsdom' (jest.config.cjs): the package under a DOM's globals.
const { decodeToken, signToken, verifyToken, TokenError } = require('videosdk-token');

const secret = 'jest-consumer-test-secret-'.padEnd(64, '0');

test('runs under jsdom', () => {
  expect(typeof document.createElement).toBe('function');
});

test('signs, verifies and decodes', () => {
  const token = signToken({ apiKey: 'jest', secret, permissions: ['allow_join'], roomId: 'jest-room' });
  expect(verifyToken(token, secret, { roomId: 'jest-room' }).apikey).toBe('jest');
  expect(decodeToken(token).payload.roomId).toBe('jest-room');
  expect(() => verifyToken(token, 'y'.repeat(64))).toThrow(TokenError);
});
