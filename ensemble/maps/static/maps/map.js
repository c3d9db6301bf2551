/* The territory map: Leaflet (as shipped by django-leaflet), markers from carte/points.json.
   Everything on the map is also in the list below it, so the page works without
   JavaScript and without tiles. */
(function () {
  "use strict";

  var element = document.getElementById("territory-map");
  if (!element || typeof window.L === "undefined") {
    return;
  }
  var L = window.L;
  var data = element.dataset;
  var fallback = element.querySelector(".map__fallback");
  if (fallback) {
    fallback.remove();
  }
  element.classList.add("map--ready");

  var map = L.map(element, { scrollWheelZoom: false });
  var latitude = parseFloat(data.lat);
  var longitude = parseFloat(data.lng);
  var hasCentre = !isNaN(latitude) && !isNaN(longitude);
  if (hasCentre) {
    map.setView([latitude, longitude], parseInt(data.zoom, 10) || 13);
  } else {
    map.setView([46.6, 2.5], 5);
  }
  if (data.tilesUrl) {
    L.tileLayer(data.tilesUrl, { attribution: data.tilesAttribution || "", maxZoom: 19 }).addTo(map);
  }
  var markers = L.featureGroup().addTo(map);

  function popupFor(properties) {
    var box = document.createElement("div");
    var name = document.createElement(properties.url ? "a" : "strong");
    name.textContent = properties.name;
    if (properties.url) {
      name.href = properties.url;
    }
    box.appendChild(name);
    var kind = document.createElement("p");
    kind.textContent = properties.kind_label +
      (properties.neighbourhood ? " · " + properties.neighbourhood : "");
    box.appendChild(kind);
    return box;
  }

  function addFeatures(features) {
    features.forEach(function (feature) {
      var coordinates = feature.geometry.coordinates;
      var properties = feature.properties;
      var title = properties.name + " (" + properties.kind_label + ")";
      var marker = L.marker([coordinates[1], coordinates[0]], {
        title: title,
        alt: title,
        keyboard: true,
      });
      marker.bindPopup(popupFor(properties));
      markers.addLayer(marker);
    });
  }

  function load(url) {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (collection) {
        addFeatures(collection.features);
        if (collection.next) {
          load(collection.next);
        } else {
          element.dataset.loaded = String(markers.getLayers().length);
          if (!hasCentre && markers.getLayers().length) {
            map.fitBounds(markers.getBounds(), { maxZoom: 15 });
          }
        }
      })
      .catch(function () {
        element.dataset.loaded = "error";
      });
  }

  load(data.pointsUrl);
})();
