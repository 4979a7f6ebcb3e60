-- The starting category tree: four departments, each with a few leaves. Admins can grow it later.
INSERT INTO "category" ("slug", "name", "position") VALUES
	('home-living', 'Home & living', 1),
	('paper-stationery', 'Paper & stationery', 2),
	('clothing-accessories', 'Clothing & accessories', 3),
	('food-drink', 'Food & drink', 4)
ON CONFLICT ("slug") DO NOTHING;
--> statement-breakpoint
INSERT INTO "category" ("parent_id", "slug", "name", "position")
SELECT parent."id", child."slug", child."name", child."position"
FROM (VALUES
	('home-living', 'kitchen-dining', 'Kitchen & dining', 1),
	('home-living', 'textiles', 'Textiles', 2),
	('home-living', 'ceramics', 'Ceramics', 3),
	('home-living', 'decor', 'Decor', 4),
	('paper-stationery', 'notebooks', 'Notebooks', 1),
	('paper-stationery', 'cards-prints', 'Cards & prints', 2),
	('paper-stationery', 'pens-desk', 'Pens & desk', 3),
	('clothing-accessories', 'bags', 'Bags', 1),
	('clothing-accessories', 'jewellery', 'Jewellery', 2),
	('clothing-accessories', 'knitwear', 'Knitwear', 3),
	('food-drink', 'tea-coffee', 'Tea & coffee', 1),
	('food-drink', 'pantry', 'Pantry', 2)
) AS child("parent_slug", "slug", "name", "position")
JOIN "category" parent ON parent."slug" = child."parent_slug"
ON CONFLICT ("slug") DO NOTHING;
