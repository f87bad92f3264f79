export default defineBackground(() => {
  // Wired up in lib/background (message handling) — placeholder until then.
});
