// office-addin-mock imports office-addin-manifest, whose ESM-only dependencies Jest cannot load.
// The mock only needs this enum from it.
module.exports = {
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
};
