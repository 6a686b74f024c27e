// A Jest project as users set one up for DOM tests: nothing but the jsdom environment.
module.exports = { testEnvironment: 'jsdom' };
